"""What the file says about itself: the Info dictionary and the XMP packet that mirrors it.

PDF/UA-1 wants the title in XMP (dc:title) and its own identification (pdfuaid:part);
PDF/A wants every Info entry equal to its XMP property (ISO 19005-2 6.6.2.3.1).  Both are
written from one :class:`Metadata`, so they cannot disagree.  No clock is read: dates come
only from ``--date``, and the same document gives the same bytes.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from ...model import Document, Heading, document_texts
from ...options import RenderOptions
from .pdffile import text_string

CREATOR = "newsconv"
_TITLE_FALLBACK_LENGTH = 80
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# PDF/A-2 knows the schemas of XMP and PDF/A only; pdfuaid's has to be described in the file.
_PDFUA_EXTENSION = """  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
"""


@dataclass(frozen=True)
class Metadata:
    title: str
    lang: str
    author: str = ""
    subject: str = ""
    date: Optional[datetime] = None

    @classmethod
    def of(cls, document: Document, options: RenderOptions) -> "Metadata":
        return cls(title=_clean(options.title or document_title(document)), lang=_clean(document.lang),
                   author=_clean(options.author or ", ".join(document.meta.authors)),
                   subject=_clean(options.date or document.meta.date or ""),
                   date=_parse_date(options.date or document.meta.date))

    def info(self) -> str:
        """The Info dictionary."""
        entries = {"Title": self.title, "Author": self.author, "Subject": self.subject, "Creator": CREATOR,
                   "Producer": CREATOR}
        body = " ".join(f"/{key} {text_string(value)}" for key, value in entries.items() if value)
        if self.date:
            stamp = _pdf_date(self.date)
            body += f" /CreationDate ({stamp}) /ModDate ({stamp})"
        return f"<< {body} >>"

    def xmp(self, pdfa_part: Optional[int] = None, ua: bool = True) -> bytes:
        """The XMP packet: Dublin Core, XMP basic, Adobe PDF, PDF/UA (and PDF/A) identification."""
        props = ["   <dc:format>application/pdf</dc:format>"]
        if self.title:
            props.append(f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(self.title)}</rdf:li>'
                         "</rdf:Alt></dc:title>")
        if self.author:
            props.append(f"   <dc:creator><rdf:Seq><rdf:li>{_xml(self.author)}</rdf:li></rdf:Seq></dc:creator>")
        if self.subject:
            props.append(f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml(self.subject)}'
                         "</rdf:li></rdf:Alt></dc:description>")
        props.append(f"   <dc:language><rdf:Bag><rdf:li>{_xml(self.lang)}</rdf:li></rdf:Bag></dc:language>")
        props.append(f"   <xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>")
        if self.date:
            stamp = self.date.isoformat()
            props += [f"   <xmp:CreateDate>{stamp}</xmp:CreateDate>", f"   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
                      f"   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>"]
        props.append(f"   <pdf:Producer>{CREATOR}</pdf:Producer>")
        if ua:
            props.append("   <pdfuaid:part>1</pdfuaid:part>")
        if pdfa_part:
            props += [f"   <pdfaid:part>{pdfa_part}</pdfaid:part>", "   <pdfaid:conformance>U</pdfaid:conformance>"]
        packet = "\n".join([
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
            ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
            *props,
            "  </rdf:Description>",
            (_PDFUA_EXTENSION if pdfa_part else "").rstrip("\n"),
            " </rdf:RDF>",
            "</x:xmpmeta>",
            '<?xpacket end="w"?>'])
        return packet.replace("\n\n", "\n").encode("utf-8")


def document_title(document: Document) -> str:
    """The title readers show (PDF/UA wants one): the level-1 heading, else the first heading,
    else the start of the first text."""
    if document.title:
        return document.title
    for block in document.blocks:
        if isinstance(block, Heading):
            return block.text
    texts = document_texts(document)
    first = next((text for text in texts if text.strip()), "")
    return first if len(first) <= _TITLE_FALLBACK_LENGTH else first[:_TITLE_FALLBACK_LENGTH].rsplit(" ", 1)[0] + "…"


def _clean(text: str) -> str:
    """The text without the control characters XML cannot hold, for Info and XMP alike."""
    return _XML_FORBIDDEN.sub("", text)


def _xml(text: str) -> str:
    return html.escape(text, quote=False)


def _parse_date(value: Optional[str]) -> Optional[datetime]:
    """``--date`` as a datetime when it is ISO 8601, else None (it still goes in the Subject)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _pdf_date(moment: datetime) -> str:
    """A PDF date string (ISO 32000-1 7.9.4), its UTC offset kept when it has one."""
    stamp = moment.strftime("D:%Y%m%d%H%M%S")
    offset = moment.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{stamp}{sign}{minutes // 60:02d}'{minutes % 60:02d}'"
