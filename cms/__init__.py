"""The site's pages: Wagtail page types, blocks and snippets, the home, guides,
directories and insights pages that read the other apps, and the demo content.
The top layer: no app imports it."""
