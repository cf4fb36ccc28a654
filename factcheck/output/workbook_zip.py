"""Save a workbook so that the same content gives the same bytes.

openpyxl stamps every zip entry with the current time and the document properties
with the time of saving; here every entry is dated 1980-01-01 (the zip epoch) with
fixed attributes, and the properties keep the dates the writer set. Entries come in
openpyxl's fixed order. The bytes still depend on the versions of openpyxl and zlib.

Streamed sheets (workbook_stream) get their data rows spliced in here, right before
the end of the sheet's <sheetData>, and their <hyperlinks> where the schema wants them,
while the sheet is copied into the zip; the relationships of their links to files follow
the sheet as its relationships part, where openpyxl would have put it.
"""
from __future__ import annotations

import os
import posixpath
import shutil
import zipfile
from typing import IO

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 1
SHEET_DATA_END = b"</sheetData>"
# what may follow <hyperlinks> in a worksheet (ECMA-376 CT_Worksheet's order), as openpyxl writes it
AFTER_HYPERLINKS = (b"<printOptions", b"<pageMargins", b"<pageSetup", b"<headerFooter", b"<rowBreaks",
                    b"<colBreaks", b"<drawing", b"<legacyDrawing", b"<tableParts", b"</worksheet>")
RELATIONSHIPS_START = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose entries all carry the same date and attributes."""

    def __init__(self, *args, splices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.splices = splices  # entry name -> the RowStream of that sheet
        self.written: set[str] = set()  # relationships parts written here

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        entry = _entry(zinfo_or_arcname)
        if entry.filename in self.written:  # openpyxl's own links or drawings on a streamed sheet: never made
            raise RuntimeError(f"{entry.filename}: the streamed sheet's relationships are already written")
        super().writestr(entry, data)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        name = str(arcname or filename)
        stream = self.splices.get(name)
        if stream is None:
            large = os.path.getsize(filename) >= zipfile.ZIP64_LIMIT
            with open(filename, "rb") as source, self.open(_entry(name), "w", force_zip64=large) as target:
                shutil.copyfileobj(source, target, 1 << 20)
            return
        rows, links = stream.file, stream.links
        linked = links.seek(0, os.SEEK_END)
        large = os.path.getsize(filename) + rows.seek(0, os.SEEK_END) + linked >= zipfile.ZIP64_LIMIT
        with open(filename, "rb") as source, self.open(_entry(name), "w", force_zip64=large) as target:
            sheet = source.read()  # a streamed sheet without its rows: a few kilobytes
            end = sheet.rindex(SHEET_DATA_END)
            target.write(sheet[:end])
            _copy(rows, target)
            if linked:
                if b"<hyperlinks>" in sheet:
                    raise RuntimeError(f"{name}: openpyxl wrote links on a streamed sheet")
                at = min(i for i in (sheet.find(tag, end) for tag in AFTER_HYPERLINKS) if i >= 0)
                target.write(sheet[end:at] + b"<hyperlinks>")
                _copy(links, target)
                target.write(b"</hyperlinks>" + sheet[at:])
            else:
                target.write(sheet[end:])
        relationships = stream.relationships
        if relationships.seek(0, os.SEEK_END):
            folder, sheet_name = posixpath.split(name)
            part = f"{folder}/_rels/{sheet_name}.rels"
            with self.open(_entry(part), "w") as target:
                target.write(RELATIONSHIPS_START)
                _copy(relationships, target)
                target.write(b"</Relationships>")
            self.written.add(part)


def _copy(source: IO[bytes], target) -> None:
    source.seek(0)
    shutil.copyfileobj(source, target, 1 << 20)


def _entry(name) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name.filename if isinstance(name, zipfile.ZipInfo) else str(name), date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    # zlib's fastest level: spreadsheet XML still shrinks about tenfold, in a third of the time
    entry._compresslevel = COMPRESS_LEVEL  # noqa: SLF001 (zipfile reads it when the entry is opened for writing)
    entry.create_system = 3  # the same on every platform
    entry.external_attr = 0o644 << 16
    return entry


def save(book, handle, streams: dict | None = None) -> None:
    """Write the workbook to a binary file handle (openpyxl's save, minus the clock).

    `streams`: sheet title -> the workbook_stream.RowStream of its data rows.
    """
    from openpyxl.writer.excel import ExcelWriter

    streams = streams or {}
    # openpyxl names the n-th worksheet xl/worksheets/sheet{n}.xml
    splices = {f"xl/worksheets/sheet{n}.xml": streams[sheet.title]
               for n, sheet in enumerate(book.worksheets, 1) if sheet.title in streams}
    archive = _FixedTimeZip(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True, splices=splices)
    ExcelWriter(book, archive).save()
