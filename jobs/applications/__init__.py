"""Applications to postings: the models, the rules for moving between stages
(``services``), the forms, and both sides' pages: the candidate applying and
following their applications (``candidate_views``), the employer reading and
moving applicants (``employer_views``).
"""
