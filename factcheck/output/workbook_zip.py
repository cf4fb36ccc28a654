"""Save a workbook so that the same content gives the same bytes.

openpyxl stamps every zip entry with the current time and the document properties
with the time of saving; here every entry is dated 1980-01-01 (the zip epoch) with
fixed attributes, and the properties keep the dates the writer set. Entries come in
openpyxl's fixed order. The bytes still depend on the versions of openpyxl and zlib.

Streamed sheets (workbook_stream) get their data rows spliced in here, right before
the end of the sheet's <sheetData>, while the sheet is copied into the zip.
"""
from __future__ import annotations

import os
import shutil
import zipfile
from typing import IO

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 1
SHEET_DATA_END = b"</sheetData>"


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose entries all carry the same date and attributes."""

    def __init__(self, *args, splices: dict[str, IO[bytes]], **kwargs):
        super().__init__(*args, **kwargs)
        self.splices = splices  # entry name -> data rows to add to that sheet

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        super().writestr(_entry(zinfo_or_arcname), data)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        name = str(arcname or filename)
        rows = self.splices.get(name)
        size = os.path.getsize(filename) + (rows.seek(0, os.SEEK_END) if rows else 0)
        large = size >= zipfile.ZIP64_LIMIT
        with open(filename, "rb") as source, self.open(_entry(name), "w", force_zip64=large) as target:
            if rows is None:
                shutil.copyfileobj(source, target, 1 << 20)
                return
            sheet = source.read()  # a streamed sheet without its rows: a few kilobytes
            end = sheet.rindex(SHEET_DATA_END)
            target.write(sheet[:end])
            rows.seek(0)
            shutil.copyfileobj(rows, target, 1 << 20)
            target.write(sheet[end:])


def _entry(name) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name.filename if isinstance(name, zipfile.ZipInfo) else str(name), date_time=ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    # zlib's fastest level: spreadsheet XML still shrinks about tenfold, in a third of the time
    entry._compresslevel = COMPRESS_LEVEL  # noqa: SLF001 (zipfile reads it when the entry is opened for writing)
    entry.create_system = 3  # the same on every platform
    entry.external_attr = 0o644 << 16
    return entry


def save(book, handle, streams: dict[str, IO[bytes]] | None = None) -> None:
    """Write the workbook to a binary file handle (openpyxl's save, minus the clock).

    `streams`: sheet title -> the data rows workbook_stream wrote for it.
    """
    from openpyxl.writer.excel import ExcelWriter

    streams = streams or {}
    # openpyxl names the n-th worksheet xl/worksheets/sheet{n}.xml
    splices = {f"xl/worksheets/sheet{n}.xml": streams[sheet.title]
               for n, sheet in enumerate(book.worksheets, 1) if sheet.title in streams}
    archive = _FixedTimeZip(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True, splices=splices)
    ExcelWriter(book, archive).save()
