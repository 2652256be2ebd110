"""What a CV file really is, judged by its content, never by its name.

Only PDF and Word (DOCX) files pass, at most 5 MB. Each is read by a parser made
for its format: pypdf for a PDF, the ZIP reader and defusedxml for a Word file.
A file is refused, with a message in plain words, when it is something else
renamed (a program, a web page, an image), when its parser cannot read it, when
a ZIP would unpack into far more than it is (a zip bomb), or when it carries
active content: something that runs or reaches out when the file is opened.

In a PDF that is JavaScript, an action run on opening (an OpenAction that is
an action rather than a page to show), additional actions (/AA) on the
document, a page, a link or a form field, actions that start programs, open
other files or send data (Launch, GoToR, GoToE, SubmitForm, ImportData,
Rendition, RichMediaExecute), attached files, multimedia and XFA forms. Links
to web pages (URI actions) and links within the file are fine. Every object the
file holds is checked, whether or not a page refers to it.

In a Word file that is macros (vbaProject.bin, a macro-enabled document type),
ActiveX controls, embedded OLE objects or packages, imported chunks (altChunk),
any relationship to something outside the file (a remote template, a
picture fetched from a server) other than an ordinary hyperlink, and fields
that run a program or pull in another file (DDE, DDEAUTO, INCLUDETEXT, LINK).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.core.files import File
from pypdf import PasswordType, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MAX_CV_BYTES = 5 * 1024 * 1024

PDF = "pdf"
DOCX = "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

_PDF_HEADER = re.compile(rb"%PDF-[12]\.[0-9]")
# What a browser would take for a web page if it ever sniffed the file.
_HTML_MARKERS = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg)", re.IGNORECASE)

# PDF: keys that only active content has, anywhere in the file.
_PDF_ACTIVE_KEYS = frozenset(
    {
        "/JS",  # an action's script
        "/JavaScript",  # the document's named scripts
        "/AA",  # additional actions: on opening a page, focusing a field, ...
        "/XFA",  # an XFA form, which can hold scripts of its own
        "/EmbeddedFiles",  # the document's attached files
        "/EF",  # a file specification carrying the file itself
        "/RichMediaContent",
        "/RichMediaSettings",
    }
)
# PDF: action types (/S) that run code, start programs, open other files or send data.
_PDF_ACTIVE_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
        "/Rendition",
        "/RichMediaExecute",
        "/Movie",
        "/Sound",
    }
)
# PDF: object types and annotation kinds that carry files or media.
_PDF_ACTIVE_TYPES = frozenset(
    {"/EmbeddedFile", "/FileAttachment", "/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"}
)
# Far more numbered objects than any CV has (a 10-page CV has a few hundred):
# a file past this is not read further, which bounds the time a check takes.
_PDF_MAX_OBJECTS = 5_000

# Word: relationship types (the last part of the type URI) that are active content.
_DOCX_ACTIVE_RELATIONSHIPS = frozenset(
    {
        "vbaProject",
        "wordVbaData",
        "keyMapCustomizations",
        "oleObject",
        "package",
        "control",
        "activeXControlBinary",
        "aFChunk",
        "attachedTemplate",
        "subDocument",
        "frame",
    }
)
# Word: the one kind of relationship that may point outside the file.
_DOCX_OUTSIDE_ALLOWED = frozenset({"hyperlink"})
_DOCX_ACTIVE_PARTS = re.compile(
    r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml)$|(?:^|/)(?:activeX|embeddings)/", re.IGNORECASE
)
_DOCX_ACTIVE_CONTENT_TYPES = re.compile(r"macroEnabled|vbaProject|vbaData|activeX|oleObject", re.I)
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Word: parts with text, where fields live, and the fields that run or fetch
# something (DDE runs a program; INCLUDETEXT and LINK read another file).
_DOCX_TEXT_PARTS = re.compile(r"^word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_DOCX_ACTIVE_FIELDS = re.compile(r"^\s*(?:DDE|DDEAUTO|INCLUDETEXT|LINK)\b", re.IGNORECASE)
_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCX_MAX_ENTRIES = 1000
_DOCX_MAX_UNPACKED = 50 * 1024 * 1024
_DOCX_MAX_RATIO = 100
_DOCX_MAX_PART = 2 * 1024 * 1024

NOT_A_CV = (
    "Your CV must be a PDF or a Word document (.docx). This file is not one of "
    "those, even if its name ends in .pdf or .docx."
)
BROKEN_PDF = "This PDF looks damaged. Save it again as a PDF and upload that."
COMPLEX_PDF = (
    "This PDF is too complicated for us to check. Save it again as a plain PDF "
    "(for example with 'Print to PDF') and upload that."
)
LOCKED_PDF = "This PDF is locked with a password. Save it again without a password and upload that."
ACTIVE_PDF = (
    "This file contains active content, such as scripts, actions or attached files. "
    "Save it again as a plain PDF (for example with 'Print to PDF') and upload that."
)
BROKEN_DOCX = (
    "This file is not a Word document that we can read. Save it from Word as a .docx, "
    "or as a PDF, and upload that."
)
ACTIVE_DOCX = (
    "This file contains active content, such as macros, embedded objects or links to "
    "outside files. Save it again as a plain PDF (for example with 'Print to PDF') and "
    "upload that."
)

logger = logging.getLogger(__name__)


def too_big_message(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return f"Your CV is too big ({megabytes:.1f} MB). Choose a file of 5 MB or less."


def cv_kind(upload: File) -> str:
    """PDF or DOCX for a file that really is one, or a ValidationError saying why not.

    Every path that takes a CV (the profile's CV page, the apply form, and the
    services behind them) calls this, so one set of rules decides. A form and
    then its service check the same upload: the answer is kept on the upload
    object, so the file is read once.
    """
    known = getattr(upload, _CHECKED, None)
    if known is not None:
        return known
    kind = _kind_of(upload)
    setattr(upload, _CHECKED, kind)
    return kind


_CHECKED = "_cv_kind_checked"


def _kind_of(upload: File) -> str:
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


# PDF -------------------------------------------------------------------------


def _check_pdf(upload: File, head: bytes) -> None:
    if _HTML_MARKERS.search(head):
        raise ValidationError(NOT_A_CV, code="not_a_cv")
    upload.seek(0)
    # In memory (at most 5 MB): pypdf reads a byte at a time, and an upload's
    # file wrapper makes each of those reads several calls.
    content = io.BytesIO(upload.read())
    try:
        reader = PdfReader(content, strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ValidationError(LOCKED_PDF, code="locked_pdf")
        active = _pdf_has_active_content(reader)
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as error:
        # pypdf raises many kinds of error on a damaged file: any of them means
        # the file cannot be read, which is all the person needs to know.
        logger.info("CV refused: pypdf could not read it (%s)", type(error).__name__)
        raise ValidationError(BROKEN_PDF, code="broken_pdf") from None
    if active:
        raise ValidationError(ACTIVE_PDF, code="active_pdf")
    if pages < 1:
        raise ValidationError(BROKEN_PDF, code="broken_pdf")


def _pdf_has_active_content(reader: PdfReader) -> bool:
    """Whether any object in the file, referred to or not, is active content."""
    if not isinstance(reader.trailer.get("/Root"), IndirectObject | DictionaryObject):
        raise ValueError("no document catalogue")
    for value in _pdf_objects(reader):
        if isinstance(value, DictionaryObject) and _pdf_dictionary_is_active(value):
            return True
    return False


def _pdf_objects(reader: PdfReader) -> Iterator[object]:
    """Every object of the file: each numbered one, and everything inside them."""
    listed = sum(len(table) for table in reader.xref.values()) + len(reader.xref_objStm)
    if listed > _PDF_MAX_OBJECTS:
        raise ValidationError(COMPLEX_PDF, code="complex_pdf")
    numbered = [
        IndirectObject(number, generation, reader)
        for generation, table in reader.xref.items()
        for number in table
    ]
    numbered += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    pending: list[object] = [reader.trailer, *numbered]
    seen: set[tuple[int, int]] = set()
    while pending:
        value = pending.pop()
        if isinstance(value, IndirectObject):
            key = (value.idnum, value.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > _PDF_MAX_OBJECTS:
                raise ValidationError(COMPLEX_PDF, code="complex_pdf")
            value = value.get_object()
        yield value
        if isinstance(value, DictionaryObject):
            pending.extend(dict.values(value))
        elif isinstance(value, ArrayObject):
            pending.extend(list.__iter__(value))


def _pdf_dictionary_is_active(dictionary: DictionaryObject) -> bool:
    if _PDF_ACTIVE_KEYS.intersection(dictionary):
        return True
    if _pdf_name(dictionary, "/S") in _PDF_ACTIVE_ACTIONS:
        return True
    if {_pdf_name(dictionary, "/Type"), _pdf_name(dictionary, "/Subtype")} & _PDF_ACTIVE_TYPES:
        return True
    # Opening at a page (a destination, an array) is fine; running an action is not.
    return "/OpenAction" in dictionary and isinstance(dictionary["/OpenAction"], DictionaryObject)


def _pdf_name(dictionary: DictionaryObject, key: str) -> str | None:
    value = dictionary.get(key)
    return str(value) if isinstance(value, NameObject) else None


# Word ------------------------------------------------------------------------


def _check_docx(upload: File) -> None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            _check_sizes(entries)
            names = {entry.filename for entry in entries}
            if not {"[Content_Types].xml", "word/document.xml"} <= names:
                raise ValidationError(BROKEN_DOCX, code="not_docx")
            if any(_DOCX_ACTIVE_PARTS.search(name) for name in names):
                raise ValidationError(ACTIVE_DOCX, code="active_docx")
            content_types = _xml(archive, "[Content_Types].xml")
            relationships = [
                _xml(archive, name) for name in sorted(names) if name.endswith(".rels")
            ]
            document_start = archive.open("word/document.xml").read(512)
            for name in sorted(names):
                if _DOCX_TEXT_PARTS.match(name):
                    _check_fields(archive, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        # RuntimeError: an encrypted entry; the others: a damaged archive.
        raise ValidationError(BROKEN_DOCX, code="not_docx") from None
    _check_content_types(content_types)
    for part in relationships:
        _check_relationships(part)
    if not document_start.lstrip().startswith(b"<"):
        raise ValidationError(BROKEN_DOCX, code="not_docx")


def _xml(archive: zipfile.ZipFile, name: str) -> Element:
    """A part of the package, parsed without obeying DTDs or entities."""
    if archive.getinfo(name).file_size > _DOCX_MAX_PART:
        raise ValidationError(BROKEN_DOCX, code="zip_bomb")
    try:
        return SafeElementTree.fromstring(archive.read(name), forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        raise ValidationError(BROKEN_DOCX, code="not_docx") from None


def _check_fields(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse field codes that run a program or pull in another file.

    A field's code may be split over several runs, so the pieces of each
    field are joined before they are read.
    """
    codes: list[str] = []
    current: list[str] = []
    try:
        with archive.open(name) as part:
            for _event, element in SafeElementTree.iterparse(part, forbid_dtd=True):
                if element.tag == f"{_WORD_NS}instrText":
                    current.append(element.text or "")
                elif element.tag == f"{_WORD_NS}fldChar":
                    if element.get(f"{_WORD_NS}fldCharType") in {"separate", "end"} and current:
                        codes.append("".join(current))
                        current = []
                elif element.tag == f"{_WORD_NS}fldSimple":
                    codes.append(element.get(f"{_WORD_NS}instr", ""))
                element.clear()
    except (ParseError, DefusedXmlException, ValueError):
        raise ValidationError(BROKEN_DOCX, code="not_docx") from None
    codes.append("".join(current))
    if any(_DOCX_ACTIVE_FIELDS.match(code) for code in codes):
        raise ValidationError(ACTIVE_DOCX, code="active_docx")


def _check_content_types(root: Element) -> None:
    if root.tag != f"{_CONTENT_TYPES_NS}Types":
        raise ValidationError(BROKEN_DOCX, code="not_docx")
    declared = [
        (element.get("PartName", ""), element.get("ContentType", ""))
        for element in root
        if element.tag in {f"{_CONTENT_TYPES_NS}Override", f"{_CONTENT_TYPES_NS}Default"}
    ]
    if any(_DOCX_ACTIVE_CONTENT_TYPES.search(kind) for _part, kind in declared):
        # A .docm (macros), or ActiveX and OLE parts declared for the package.
        raise ValidationError(ACTIVE_DOCX, code="active_docx")
    if ("/word/document.xml", _WORD_MAIN) not in declared:
        # Another Office file with a Word part bolted on.
        raise ValidationError(BROKEN_DOCX, code="not_docx")


def _check_relationships(root: Element) -> None:
    if root.tag != f"{_RELATIONSHIPS_NS}Relationships":
        raise ValidationError(BROKEN_DOCX, code="not_docx")
    for relationship in root.iter(f"{_RELATIONSHIPS_NS}Relationship"):
        kind = relationship.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
        outside = relationship.get("TargetMode", "").lower() == "external"
        if kind in _DOCX_ACTIVE_RELATIONSHIPS or (outside and kind not in _DOCX_OUTSIDE_ALLOWED):
            raise ValidationError(ACTIVE_DOCX, code="active_docx")


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
