"""CVs with active content are refused, on every path that takes a CV.

Each file is made here, with pypdf for PDFs and as a ZIP of XML parts for Word
files, so each test shows exactly what it carries. Every kind goes through the
profile's CV page and the apply form (the field's message and the error
summary), and through the services behind them.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfWriter
from pypdf.actions import JavaScript, PageTrigger
from pypdf.annotations import Link
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from candidates.cv import (
    ACTIVE_DOCX,
    ACTIVE_PDF,
    BROKEN_DOCX,
    BROKEN_PDF,
    COMPLEX_PDF,
    LOCKED_PDF,
    cv_kind,
)
from candidates.models import CandidateProfile
from candidates.services import cv_save
from jobs.applications import services as application_services
from jobs.applications.models import Application
from tests.candidates import files
from tests.factories import OwnerFactory, PublishedPostingFactory, UserFactory
from tests.html import assert_form_errors, field_error

pytestmark = pytest.mark.django_db

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships/"


# PDFs, made with pypdf -----------------------------------------------------------


def pdf(change=None, *, password: str | None = None) -> bytes:
    """A one-page PDF written by pypdf, after `change(writer, page)` if given."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    if change is not None:
        change(writer, page)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def action(kind: str, **entries) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject(kind),
            **{NameObject(f"/{key}"): value for key, value in entries.items()},
        }
    )


def link_annotation(writer: PdfWriter, target: DictionaryObject) -> None:
    writer.add_annotation(
        page_number=0,
        annotation=DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (72, 700, 200, 720)]),
                NameObject("/A"): target,
            }
        ),
    )


def document_javascript(writer, page):
    writer.add_open_action(JavaScript("app.alert('hello');"))


def open_action_javascript(writer, page):
    writer.root_object[NameObject("/OpenAction")] = action(
        "/JavaScript", JS=TextStringObject("app.launchURL('https://example.org/x');")
    )


def open_action_uri(writer, page):
    # Even a harmless-looking action run on opening: only a page to show is fine.
    writer.root_object[NameObject("/OpenAction")] = action(
        "/URI", URI=TextStringObject("https://example.org/track")
    )


def page_additional_action(writer, page):
    page.add_action(PageTrigger.OPEN, JavaScript("this.print();"))


def document_additional_action(writer, page):
    writer.root_object[NameObject("/AA")] = DictionaryObject(
        {NameObject("/WC"): action("/GoTo", D=ArrayObject([page.indirect_reference]))}
    )


def launch_action(writer, page):
    link_annotation(writer, action("/Launch", F=TextStringObject("C:\\Windows\\calc.exe")))


def submit_form_action(writer, page):
    link_annotation(writer, action("/SubmitForm", F=TextStringObject("https://example.org/")))


def remote_pdf_action(writer, page):
    link_annotation(writer, action("/GoToR", F=TextStringObject("\\\\server\\share\\x.pdf")))


def embedded_file(writer, page):
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 a program")


def xfa_form(writer, page):
    template = StreamObject()
    template.set_data(b'<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"/>')
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject(),
            NameObject("/XFA"): ArrayObject(
                [TextStringObject("template"), writer._add_object(template)]
            ),
        }
    )


def many_objects(writer, page):
    for number in range(5_001):
        writer._add_object(NumberObject(number))


def web_link_and_page_destination(writer, page):
    writer.add_annotation(
        page_number=0,
        annotation=Link(rect=(72, 700, 200, 720), url="https://www.linkedin.com/in/sam"),
    )
    writer.root_object[NameObject("/OpenAction")] = ArrayObject(
        [page.indirect_reference, NameObject("/Fit")]
    )


ACTIVE_PDFS = {
    "document-javascript": pdf(document_javascript),
    "open-action-javascript": pdf(open_action_javascript),
    "open-action-uri": pdf(open_action_uri),
    "page-additional-action": pdf(page_additional_action),
    "document-additional-action": pdf(document_additional_action),
    "launch": pdf(launch_action),
    "submit-form": pdf(submit_form_action),
    "remote-pdf": pdf(remote_pdf_action),
    "embedded-file": pdf(embedded_file),
    "xfa": pdf(xfa_form),
    # Names spelled with #-escapes, which a search for the bytes "/JS" misses.
    "escaped-names": files.minimal_pdf(
        extra_objects=[b"<< /S /Java#53cript /J#53 (app.alert(1)) >>"]
    ),
    "javascript-in-an-encrypted-file": pdf(open_action_javascript, password=""),
}


# Word files, made as ZIPs of XML parts -----------------------------------------


def relationships(*rows: tuple[str, str, str | None]) -> str:
    entries = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"'
        + (f' TargetMode="{mode}"' if mode else "")
        + "/>"
        for n, (kind, target, mode) in enumerate(rows, start=10)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{entries}</Relationships>"
    )


def docx_with_types(overrides: str, extra: dict) -> bytes:
    content_types = files.CONTENT_TYPES_XML.format(main=files.WORD_MAIN).replace(
        "</Types>", overrides + "</Types>"
    )
    return files.minimal_docx(extra={"[Content_Types].xml": content_types, **extra})


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(body: str) -> bytes:
    document = f"<w:document {W}><w:body><w:p>{body}</w:p></w:body></w:document>"
    return files.minimal_docx(extra={"word/document.xml": document})


def field(*pieces: str) -> str:
    """A complex field whose code is split over runs, as Word writes it."""
    code = "".join(
        f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in pieces
    )
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'{code}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


ACTIVE_DOCXS = {
    "dde-field-split-over-runs": docx_with_body(
        field(" DDE", 'AUTO c:\\windows\\system32\\cmd.exe "/k calc.exe"')
    ),
    "includetext-field": docx_with_body(
        '<w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\server\\share\\a.docx&quot; ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple>"
    ),
    "remote-template": files.minimal_docx(
        extra={
            "word/settings.xml": '<w:settings xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:attachedTemplate r:id="rId10" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
            "</w:settings>",
            "word/_rels/settings.xml.rels": relationships(
                (REL + "attachedTemplate", "https://example.org/t.dotm", "External")
            ),
        }
    ),
    "picture-from-a-server": files.minimal_docx(
        extra={
            "word/_rels/document.xml.rels": relationships(
                (REL + "image", "http://example.org/pixel.png", "External")
            )
        }
    ),
    "ole-object": files.minimal_docx(
        extra={
            "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "word/_rels/document.xml.rels": relationships(
                (REL + "oleObject", "embeddings/oleObject1.bin", None)
            ),
        }
    ),
    "ole-object-stored-elsewhere": files.minimal_docx(
        extra={
            "word/media/image9.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "word/_rels/document.xml.rels": relationships(
                (REL + "oleObject", "media/image9.bin", None)
            ),
        }
    ),
    "activex": docx_with_types(
        '<Override PartName="/word/controls/c1.xml" '
        'ContentType="application/vnd.ms-office.activeX+xml"/>',
        {
            "word/controls/c1.xml": "<ax:ocx xmlns:ax='http://schemas.microsoft.com/office/2006/activeX'/>"
        },
    ),
    "activex-part": files.minimal_docx(extra={"word/activeX/activeX1.xml": "<x/>"}),
    "macros-renamed": files.minimal_docx(
        extra={
            "word/custom.bin": b"\x00" * 32,
            "word/_rels/document.xml.rels": relationships(
                (MS_REL + "vbaProject", "custom.bin", None)
            ),
        }
    ),
    "macros-part": files.minimal_docx(extra={"word/vbaProject.bin": b"\x00" * 32}),
    "macro-enabled-type": files.minimal_docx(
        main="application/vnd.ms-word.document.macroEnabled.main+xml"
    ),
    "alt-chunk": files.minimal_docx(
        extra={
            "word/chunk.mht": "<html><script>alert(1)</script></html>",
            "word/_rels/document.xml.rels": relationships((REL + "aFChunk", "chunk.mht", None)),
        }
    ),
}


def clean_docx() -> bytes:
    """A Word file with a web link, page numbers and a picture of its own: nothing active."""
    body = (
        field(' HYPERLINK "https://www.linkedin.com/in/sam" ')
        + field(" PAGE ")
        + '<w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; "/>'
    )
    return files.minimal_docx(
        extra={
            "word/document.xml": f"<w:document {W}><w:body><w:p>{body}</w:p></w:body></w:document>",
            "word/media/image1.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
            "word/_rels/document.xml.rels": relationships(
                (REL + "hyperlink", "https://www.linkedin.com/in/sam", "External"),
                (REL + "image", "media/image1.png", None),
            ),
        }
    )


CLEAN = {
    "plain-pdf": (pdf(), "pdf"),
    "pdf-with-web-link-and-opening-page": (pdf(web_link_and_page_destination), "pdf"),
    "pdf-locked-only-against-editing": (pdf(password=""), "pdf"),
    "hand-made-pdf": (files.minimal_pdf(), "pdf"),
    "docx-with-link-and-picture": (clean_docx(), "docx"),
}

UNREADABLE = {
    "pdf-garbage": (b"%PDF-1.7\n" + bytes(range(256)) * 8, BROKEN_PDF),
    "pdf-without-pages": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", BROKEN_PDF),
    "pdf-with-a-password": (pdf(password="secret"), LOCKED_PDF),
    "pdf-with-too-many-objects": (pdf(many_objects), COMPLEX_PDF),
    "docx-with-entities": (
        files.minimal_docx(
            extra={
                "_rels/.rels": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships">&a;</Relationships>'
            }
        ),
        BROKEN_DOCX,
    ),
    "docx-with-broken-relationships": (
        files.minimal_docx(extra={"word/_rels/document.xml.rels": "<Relationships"}),
        BROKEN_DOCX,
    ),
}

ACTIVE = [(f"pdf:{name}", content, ACTIVE_PDF) for name, content in ACTIVE_PDFS.items()] + [
    (f"docx:{name}", content, ACTIVE_DOCX) for name, content in ACTIVE_DOCXS.items()
]
REFUSED = ACTIVE + [(name, content, message) for name, (content, message) in UNREADABLE.items()]


def as_upload(name: str, content: bytes):
    kind = "docx" if name.startswith("docx") else "pdf"
    content_type = files.DOCX_TYPE if kind == "docx" else files.PDF_TYPE
    return files.upload(f"cv.{kind}", content, content_type)


# The check itself --------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_active_or_unreadable_files_are_refused_with_a_plain_message(name, content, message):
    with pytest.raises(ValidationError) as refused:
        cv_kind(as_upload(name, content))

    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    ("name", "kind"), [(n, k) for n, (_c, k) in CLEAN.items()], ids=list(CLEAN)
)
def test_plain_pdfs_and_word_files_pass(name, kind):
    content = CLEAN[name][0]

    assert cv_kind(as_upload(kind, content)) == kind


def test_the_messages_say_what_to_do_in_plain_words():
    assert ACTIVE_PDF.startswith("This file contains active content")
    assert "Save it again as a plain PDF" in ACTIVE_PDF
    assert "Save it again as a plain PDF" in ACTIVE_DOCX
    assert "macros" in ACTIVE_DOCX


def test_an_old_word_file_is_not_accepted_at_all():
    old_word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Macros VBA _VBA_PROJECT"

    with pytest.raises(ValidationError, match="must be a PDF or a Word document"):
        cv_kind(files.upload("cv.doc", old_word, "application/msword"))


# Every path that takes a CV ------------------------------------------------------


@pytest.fixture
def posting():
    return PublishedPostingFactory(employer=OwnerFactory().employer, title="Forklift driver")


@pytest.mark.parametrize(("name", "content", "message"), ACTIVE, ids=[r[0] for r in ACTIVE])
def test_the_profile_cv_page_refuses_active_content_by_the_field_and_in_the_summary(
    client, private_media, name, content, message
):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/profile/cv/", {"cv": as_upload(name, content)})

    page = assert_form_errors(response, "cv")
    assert field_error(page, "cv") == f"Error: {message}"
    assert message in page.select_one(".error-summary").get_text(" ", strip=True)
    assert not CandidateProfile.objects.filter(user=user).exclude(cv="").exists()
    assert not any(private_media.rglob("*.*"))


@pytest.mark.parametrize(("name", "content", "message"), ACTIVE, ids=[r[0] for r in ACTIVE])
def test_the_apply_form_refuses_active_content_and_keeps_the_note(
    client, private_media, posting, name, content, message
):
    client.force_login(UserFactory())

    response = client.post(
        f"/jobs/{posting.pk}/{posting.slug}/apply/",
        {"cover_note": "Keep me", "cv_source": "upload", "cv": as_upload(name, content)},
    )

    page = assert_form_errors(response, "cv")
    assert field_error(page, "cv") == f"Error: {message}"
    assert message in page.select_one(".error-summary").get_text(" ", strip=True)
    assert page.select_one("textarea[name=cover_note]").get_text().strip() == "Keep me"
    assert not Application.objects.exists()
    assert not any(private_media.rglob("*.*"))


@pytest.mark.parametrize("name", ["pdf:open-action-javascript", "docx:remote-template"])
def test_the_services_behind_both_forms_refuse_it_too(private_media, posting, name):
    content = {n: c for n, c, _m in ACTIVE}[name]
    user = UserFactory()

    with pytest.raises(ValidationError):
        cv_save(user=user, upload=as_upload(name, content))
    with pytest.raises(ValidationError):
        application_services.application_create(
            posting=posting, candidate=user, upload=as_upload(name, content)
        )

    assert not Application.objects.exists()
    assert not any(private_media.rglob("*.*"))


@pytest.mark.parametrize("name", list(CLEAN))
def test_clean_files_still_go_through_the_profile_and_the_apply_form(client, posting, name):
    content, kind = CLEAN[name]
    client.force_login(UserFactory())

    saved = client.post("/profile/cv/", {"cv": as_upload(kind, content)})
    applied = client.post(
        f"/jobs/{posting.pk}/{posting.slug}/apply/",
        {"cover_note": "Hello", "cv_source": "upload", "cv": as_upload(kind, content)},
    )

    assert saved.status_code == 302
    assert applied.status_code == 302
    assert Application.objects.get().cv_kind == kind


def test_every_function_that_stores_a_private_file_checks_it_as_a_cv_first():
    """CVs are the only private uploads: whatever saves one to private storage must
    have called the one check (a new upload path fails here until it does)."""
    root = Path(__file__).resolve().parents[2]
    sources = [
        path
        for app in ("candidates", "jobs", "employers", "cms", "site")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
    ]
    savers = {}
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            called = {
                call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                for call in ast.walk(node)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute | ast.Name)
            }
            if {"private_storage", "save"} <= called:
                savers[f"{path.relative_to(root)}:{node.name}"] = "cv_kind" in called

    assert savers == {
        "candidates/services.py:cv_save": True,
        "jobs/applications/services.py:_copy_cv": True,
    }
