"""What a CV file really is, judged by its content, never by its name.

Only PDF and Word (DOCX) files pass, at most 5 MB. A file is refused, with a
message in plain words, when it is something else renamed (a program, a web
page, an image), when a PDF carries scripts or attached files, or when a ZIP is
not a real Word document or would unpack into far more than it is (a zip bomb).
"""

from __future__ import annotations

import re
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File

MAX_CV_BYTES = 5 * 1024 * 1024

PDF = "pdf"
DOCX = "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

_PDF_HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
# Names of PDF features that run code or carry other files: a CV needs none.
_PDF_ACTIVE = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z])")
# What a browser would take for a web page if it ever sniffed the file.
_HTML_MARKERS = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg)", re.IGNORECASE)

_WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCX_MAX_ENTRIES = 1000
_DOCX_MAX_UNPACKED = 50 * 1024 * 1024
_DOCX_MAX_RATIO = 100
_DOCX_MAX_PART = 2 * 1024 * 1024

NOT_A_CV = (
    "Your CV must be a PDF or a Word document (.docx). This file is not one of "
    "those, even if its name ends in .pdf or .docx."
)
BROKEN_PDF = "This PDF looks damaged. Save it again as a PDF and upload that."
ACTIVE_PDF = (
    "This PDF has scripts or attached files in it. Save it again as a plain PDF "
    "(for example with 'Print to PDF') and upload that."
)
BROKEN_DOCX = (
    "This file is not a Word document that we can read. Save it from Word as a .docx, "
    "or as a PDF, and upload that."
)
MACRO_DOCX = (
    "This Word document has macros in it. Save it as a plain Word document (.docx) or "
    "as a PDF, and upload that."
)


def too_big_message(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"Your CV is too big ({megabytes:.1f} MB). Choose a file of 5 MB or less."


def cv_kind(upload: File) -> str:
    """PDF or DOCX for a file that really is one, or a ValidationError saying why not."""
    if upload.size > MAX_CV_BYTES:
        raise ValidationError(too_big_message(upload.size), code="too_big")
    if upload.size == 0:
        raise ValidationError("This file is empty. Choose your CV.", code="empty")
    upload.seek(0)
    head = upload.read(1024)
    try:
        if _PDF_HEADER.match(head):
            _check_pdf(upload, head)
            return PDF
        if head.startswith(b"PK\x03\x04"):
            _check_docx(upload)
            return DOCX
    finally:
        upload.seek(0)
    raise ValidationError(NOT_A_CV, code="not_a_cv")


def _check_pdf(upload: File, head: bytes) -> None:
    if _HTML_MARKERS.search(head):
        raise ValidationError(NOT_A_CV, code="not_a_cv")
    upload.seek(0)
    content = upload.read()
    if b"%%EOF" not in content[-2048:] or b" obj" not in content:
        raise ValidationError(BROKEN_PDF, code="broken_pdf")
    if _PDF_ACTIVE.search(content):
        raise ValidationError(ACTIVE_PDF, code="active_pdf")


def _check_docx(upload: File) -> None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            _check_sizes(entries)
            names = {entry.filename for entry in entries}
            if not {"[Content_Types].xml", "word/document.xml"} <= names:
                raise ValidationError(BROKEN_DOCX, code="not_docx")
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(MACRO_DOCX, code="macros")
            content_types = archive.read("[Content_Types].xml")
            document_start = archive.open("word/document.xml").read(512)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        # RuntimeError: an encrypted entry; the others: a damaged archive.
        raise ValidationError(BROKEN_DOCX, code="not_docx") from None
    if _WORD_MAIN not in content_types:
        # A .docm (macros) or another Office file with a Word part bolted on.
        raise ValidationError(
            MACRO_DOCX if b"macroEnabled" in content_types else BROKEN_DOCX, code="not_docx"
        )
    if not document_start.lstrip().startswith(b"<"):
        raise ValidationError(BROKEN_DOCX, code="not_docx")


def _check_sizes(entries: list[zipfile.ZipInfo]) -> None:
    """Refuse archives that would unpack into far more than a CV could be.

    The sizes are what the archive declares; reading an entry stops at its
    declared size (and fails its checksum if it lied), so this bounds the work.
    """
    if len(entries) > _DOCX_MAX_ENTRIES:
        raise ValidationError(BROKEN_DOCX, code="zip_bomb")
    if sum(entry.file_size for entry in entries) > _DOCX_MAX_UNPACKED:
        raise ValidationError(BROKEN_DOCX, code="zip_bomb")
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > _DOCX_MAX_RATIO * max(
            entry.compress_size, 1
        ):
            raise ValidationError(BROKEN_DOCX, code="zip_bomb")
        if entry.filename in {"[Content_Types].xml"} and entry.file_size > _DOCX_MAX_PART:
            raise ValidationError(BROKEN_DOCX, code="zip_bomb")
