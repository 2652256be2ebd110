"""Small real files (and fakes) for the CV tests, made by hand in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def minimal_pdf(text: str = "Sam Seeker: CV", *, extra_objects: list[bytes] = ()) -> bytes:
    """A one-page PDF with a valid cross-reference table."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    "</Types>"
)
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RELS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Sam Seeker: CV</w:t></w:r></w:p></w:body></w:document>"
)


def zip_of(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def minimal_docx(*, main: str = WORD_MAIN, extra: dict | None = None) -> bytes:
    """The three parts a Word document needs, and nothing else."""
    return zip_of(
        {
            "[Content_Types].xml": CONTENT_TYPES_XML.format(main=main),
            "_rels/.rels": RELS_XML,
            "word/document.xml": DOCUMENT_XML,
            **(extra or {}),
        }
    )


def renamed_executable() -> bytes:
    """The start of a Windows program (an MZ header and PE stub)."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 48 + b"PE\x00\x00"


def png_html_polyglot() -> bytes:
    """A PNG signature followed by a web page with a script: an image and HTML at once."""
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
        b"\x00\x00\x00\x1f\x15\xc4\x89<html><body><script>alert(document.cookie)</script>"
        b"</body></html>"
    )


def html_page() -> bytes:
    return b"<!doctype html><html><body><script>alert(1)</script>My CV</body></html>"


def pdf_html_polyglot() -> bytes:
    """Starts like a PDF, then is a web page."""
    return b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"


def zip_bomb() -> bytes:
    """A Word-shaped ZIP whose document unpacks to 8 MB of zeros, ~1000 times its size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_XML.format(main=WORD_MAIN))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(8):
                part.write(chunk)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = PDF_TYPE) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
