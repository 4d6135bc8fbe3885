"""The raw WordprocessingML that python-docx has no API for, written in schema order.

python-docx stops short of right-to-left text (paragraph ``w:bidi``, run ``w:rtl``, the
complex-script font, size and bold slots, the bidi proofing language), of repeating table
headers, list numbering definitions and page-number fields.  Word rejects a file whose
children are out of the order ECMA-376 gives, so every element here is inserted at its
place in the ``*_ORDER`` sequences below rather than appended.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# Child order of w:pPr (CT_PPrBase followed by CT_PPr's own children).
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)
# Child order of w:rPr (CT_RPr).
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath", "w:rPrChange",
)
# Child order of w:sectPr (CT_SectPr).
SECTPR_ORDER = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
    "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign",
    "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
    "w:sectPrChange",
)
# Child order of w:trPr (CT_TrPrBase, then CT_TrPr's change-tracking children).
TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
    "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange",
)
# Child order of w:settings (CT_Settings, its w: children; m:mathPr and sl:schemaLibrary sit among the later ones).
SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope",
    "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting", "w:bookFoldPrinting", "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin", "w:doNotShadeFormData",
    "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture", "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr",
    "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)
# Child order of w:lvl (CT_Lvl), for the list levels built below.
LVL_ORDER = (
    "w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:isLgl", "w:suff", "w:lvlText", "w:lvlPicBulletId",
    "w:legacy", "w:lvlJc", "w:pPr", "w:rPr",
)


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    """A new ``w:`` element; attribute names are given without their ``w:`` prefix."""
    new = OxmlElement(tag)
    for name, value in attributes.items():
        new.set(qn(f"w:{name}"), value)
    return new


@lru_cache(maxsize=None)
def _later_tags(order: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """For each qualified tag of a schema sequence, the qualified tags that must follow it."""
    tags = [qn(tag) for tag in order]
    return {tag: frozenset(tags[index + 1:]) for index, tag in enumerate(tags)}


def add_text_run(p: BaseOxmlElement, text: str) -> BaseOxmlElement:
    """Append a run holding ``text`` as one ``w:t`` (python-docx's ``add_run`` visits every
    character to turn tabs and line feeds into elements; model text has none to turn)."""
    run = element("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(text_element)
    p.append(run)
    return run


def put(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> BaseOxmlElement:
    """Put ``child`` into ``parent`` at its schema position, replacing any element of the same tag."""
    later = _later_tags(tuple(order))[child.tag]
    for existing in parent.findall(child.tag):
        parent.remove(existing)
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def set_bidi(ppr: BaseOxmlElement, rtl: bool) -> None:
    """Set the paragraph's base direction; ``w:val="0"`` overrides a right-to-left style for an LTR block."""
    put(ppr, element("w:bidi") if rtl else element("w:bidi", val="0"), PPR_ORDER)


def set_fonts(rpr: BaseOxmlElement, latin: Optional[str], complex_script: str) -> None:
    """Name the Latin (ascii, hAnsi) and complex-script (cs) fonts, dropping any theme font.

    Word draws Arabic and Hebrew with the ``cs`` font only; python-docx's ``font.name``
    never sets it, so without this the article falls back to the theme's Times New Roman.
    ``latin`` None keeps the Latin slots as they are (for a run that overrides only cs).
    """
    fonts = rpr.find(qn("w:rFonts"))
    fonts = element("w:rFonts") if fonts is None else fonts
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    if latin:
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), complex_script)
    put(rpr, fonts, RPR_ORDER)


def set_size(rpr: BaseOxmlElement, points: float) -> None:
    """Set the size of Latin (sz) and complex-script (szCs) text alike, in points."""
    half_points = str(round(points * 2))
    put(rpr, element("w:sz", val=half_points), RPR_ORDER)
    put(rpr, element("w:szCs", val=half_points), RPR_ORDER)


def set_bold(rpr: BaseOxmlElement) -> None:
    """Embolden Latin (b) and complex-script (bCs) text alike."""
    put(rpr, element("w:b"), RPR_ORDER)
    put(rpr, element("w:bCs"), RPR_ORDER)


def set_rtl(rpr: BaseOxmlElement) -> None:
    """Mark a run of right-to-left text (never a Latin or digit run: its punctuation would flip)."""
    put(rpr, element("w:rtl"), RPR_ORDER)


def set_lang(rpr: BaseOxmlElement, latin: str, bidi: Optional[str]) -> None:
    """Set the proofing languages: ``latin`` for Latin text, ``bidi`` for right-to-left text."""
    lang = element("w:lang", val=latin)
    if bidi:
        lang.set(qn("w:bidi"), bidi)
    put(rpr, lang, RPR_ORDER)


def set_page_number_format(sect_pr: BaseOxmlElement, number_format: str) -> None:
    """The digits of the section's PAGE fields (``hindiNumbers`` for Arabic-Indic)."""
    put(sect_pr, element("w:pgNumType", fmt=number_format), SECTPR_ORDER)


def set_section_rtl(sect_pr: BaseOxmlElement) -> None:
    """Make the section right-to-left (page-level default for Word's layout and its dialogs)."""
    put(sect_pr, element("w:bidi"), SECTPR_ORDER)


def repeat_as_header(tr: BaseOxmlElement) -> None:
    """Mark a table row to repeat at the top of every page the table runs onto."""
    tr_pr = tr.get_or_add_trPr()
    put(tr_pr, element("w:tblHeader"), TRPR_ORDER)


def add_field(p: BaseOxmlElement, instruction: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) to paragraph ``p``; "1" is its cached result."""
    field = element("w:fldSimple", instr=instruction)
    run = element("w:r")
    text = element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p.append(field)


def add_list_definition(numbering: BaseOxmlElement, number_format: str, level_text: str, font: str) -> str:
    """Add a one-level list definition (w:abstractNum) and return its id.

    The marker is drawn in ``font`` so that a bullet or an Arabic-Indic digit does not fall
    back to a font the article is not set in.  ``w:ind`` left/hanging are read by Word and
    LibreOffice from the paragraph's start side, so the same definition serves RTL lists.
    """
    abstract_id = str(_next_id(numbering, "w:abstractNum", "w:abstractNumId"))
    level = element("w:lvl", ilvl="0")
    for child in (element("w:start", val="1"), element("w:numFmt", val=number_format),
                  element("w:lvlText", val=level_text), element("w:lvlJc", val="left")):
        put(level, child, LVL_ORDER)
    ppr = put(level, element("w:pPr"), LVL_ORDER)
    put(ppr, element("w:ind", left="720", hanging="360"), PPR_ORDER)
    rpr = put(level, element("w:rPr"), LVL_ORDER)
    set_fonts(rpr, font, font)
    abstract = element("w:abstractNum", abstractNumId=abstract_id)
    abstract.append(element("w:multiLevelType", val="singleLevel"))
    abstract.append(level)
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    return abstract_id


def add_list_instance(numbering: BaseOxmlElement, abstract_id: str) -> str:
    """Add a list (w:num) of definition ``abstract_id`` that starts counting at 1; return its id."""
    num_id = str(_next_id(numbering, "w:num", "w:numId"))
    num = element("w:num", numId=num_id)
    num.append(element("w:abstractNumId", val=abstract_id))
    override = element("w:lvlOverride", ilvl="0")
    override.append(element("w:startOverride", val="1"))
    num.append(override)
    numbering.append(num)
    return num_id


def set_numbering(ppr: BaseOxmlElement, num_id: str) -> None:
    """Make the paragraph an item (level 0) of list ``num_id``."""
    num_pr = element("w:numPr")
    num_pr.append(element("w:ilvl", val="0"))
    num_pr.append(element("w:numId", val=num_id))
    put(ppr, num_pr, PPR_ORDER)


def set_embedded_fonts(settings: BaseOxmlElement) -> None:
    """Tell Word the document carries its fonts, as subsets (so Word keeps them embedded, subset,
    when it saves the file again)."""
    put(settings, element("w:embedTrueTypeFonts"), SETTINGS_ORDER)
    put(settings, element("w:saveSubsetFonts"), SETTINGS_ORDER)


def remove_dates(core_properties: BaseOxmlElement) -> None:
    """Drop the creation and modification dates (python-docx's template carries its own from 2013)."""
    for tag in ("dcterms:created", "dcterms:modified"):
        for stale in core_properties.findall(qn(tag)):
            core_properties.remove(stale)


def _next_id(parent: BaseOxmlElement, tag: str, attribute: str) -> int:
    ids = [int(child.get(qn(attribute))) for child in parent.findall(qn(tag))]
    return max(ids, default=0) + 1

