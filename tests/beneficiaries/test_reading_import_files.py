"""An upload becomes rows: CSV in UTF-8 or Windows-1250 with ; or , and XLSX; anything else is refused."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError

from beneficiaries.imports.reading import read_table
from tests.beneficiaries.import_files import DAMAGES, csv_file, damaged_xlsx, row, xlsx_file

NAMES = {"nazwisko": "Żółć", "imie": "Łucja", "ulica": "Świerkowa"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
@pytest.mark.parametrize("separator", [";", ","])
def test_a_csv_in_each_encoding_and_separator_reads_the_same(encoding, separator):
    [read] = read_table(content=csv_file([row(**NAMES)], separator=separator, encoding=encoding))
    assert read.line == 2
    assert (read.values["nazwisko"], read.values["imie"], read.values["ulica"]) == ("Żółć", "Łucja", "Świerkowa")
    assert read.values["pesel"] == "44051401359"


def test_header_names_ignore_case_diacritics_and_unknown_columns():
    content = "Nazwisko;Imię;Program;Nr decyzji;Od;Do;Uwagi\nNowak;Anna;fead;S/1;2026-01-02;2026-06-30;x\n"
    [read] = read_table(content=content.encode())
    assert read.values == {
        "nazwisko": "Nowak",
        "imie": "Anna",
        "program": "fead",
        "nr_decyzji": "S/1",
        "od": "2026-01-02",
        "do": "2026-06-30",
    }


def test_empty_lines_are_skipped_and_line_numbers_kept():
    content = csv_file([row(), row(nazwisko=""), row(pesel="02211307589")]).replace(b"\r\n;", b"\r\n\r\n;")
    lines = [read.line for read in read_table(content=content)]
    assert lines[0] == 2 and len(lines) == 3


def test_an_xlsx_sheet_reads_numbers_and_dates_as_a_person_typed_them():
    cells = ["Nowak", "Anna", 2211307589, None, "Wiejska", 7, None, "41-506", None, "fead", "S/1/2026"]
    cells += [datetime.datetime(2026, 1, 2), datetime.date(2026, 6, 30), "1,3,5"]
    [read] = read_table(content=xlsx_file([cells]))
    assert read.values["pesel"] == "02211307589"  # the leading zero Excel dropped
    assert (read.values["od"], read.values["do"], read.values["nr_domu"]) == ("2026-01-02", "2026-06-30", "7")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "empty"),
        (b"   \r\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "not a table"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a table"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "not a table"),
        (b"PK\x03\x04 not really a workbook", "Excel"),
        (b"imie,nazwisko\nJan,Kowalski\n", "columns missing"),
    ],
)
@pytest.mark.usefixtures("english")
def test_a_file_that_is_not_the_table_is_refused_with_a_reason(content, says):
    with pytest.raises(ValidationError) as refused:
        read_table(content=content)
    [message] = refused.value.message_dict["file"]
    assert says in message


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.usefixtures("english")
def test_a_damaged_xlsx_is_refused_with_a_reason(damage):
    with pytest.raises(ValidationError) as refused:
        read_table(content=damaged_xlsx(damage))
    [message] = refused.value.message_dict["file"]
    assert "Excel" in message


@pytest.mark.usefixtures("english")
def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        read_table(content=csv_file([row()] * 20))
    assert "larger than" in refused.value.message_dict["file"][0]


def test_too_many_rows_are_refused(settings):
    settings.IMPORT_MAX_ROWS = 3
    with pytest.raises(ValidationError):
        read_table(content=csv_file([row()] * 4))


def test_an_excel_file_that_would_unpack_to_far_more_than_the_limit_is_refused_unread(settings):
    """A zip bomb in a sheet: small on disk, enormous in memory."""
    import zipfile

    settings.IMPORT_MAX_BYTES = 50_000
    source, out = zipfile.ZipFile(io.BytesIO(xlsx_file([["Nowak", "Anna"]]))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for name in source.namelist():
            bomb.writestr(name, source.read(name))
        bomb.writestr("xl/sharedStrings2.xml", b" " * 600_000)  # 12 x the limit, ~1 KB packed
    assert len(out.getvalue()) < settings.IMPORT_MAX_BYTES

    with pytest.raises(ValidationError) as refused:
        read_table(content=out.getvalue())
    assert "Excel" in str(refused.value.message_dict["file"])
    assert len(read_table(content=xlsx_file([["Nowak", "Anna"]]))) == 1, "a real sheet still reads"
