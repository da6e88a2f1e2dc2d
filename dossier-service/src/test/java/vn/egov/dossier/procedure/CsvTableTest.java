package vn.egov.dossier.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalogue import's CSV reader: RFC 4180 cells, and the row a spreadsheet shows for each record. */
class CsvTableTest {

    @Test
    void quotedCellsKeepTheirCommasQuotesAndLineBreaksAndRowsKeepTheirLine() {
        String text = "\uFEFFCode, Name_VI ,source\r\n"
                + "1.001193,Đăng ký khai sinh,\"Luật Hộ tịch 2014, Điều 16\"\r\n"
                + "1.000656,\"Đăng ký \"\"khai tử\"\"\",\"dòng một\ndòng hai\"\n"
                + "\r\n"
                + "1.004884,Đăng ký lại khai sinh\n";
        CsvTable table = CsvTable.parse(text, 100, 100).table();
        assertThat(table.header()).containsExactly("code", "name_vi", "source");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3, 6);
        assertThat(table.rows().get(0).get("source")).isEqualTo("Luật Hộ tịch 2014, Điều 16");
        assertThat(table.rows().get(1).get("name_vi")).isEqualTo("Đăng ký \"khai tử\"");
        assertThat(table.rows().get(1).get("source")).isEqualTo("dòng một\ndòng hai");
        // a row shorter than the header: the missing cells are blank
        assertThat(table.rows().get(2).get("source")).isEmpty();
    }

    @Test
    void aFileThatIsNotCsvSaysWhereItStopped() {
        assertThat(CsvTable.parse("code,name\n1,\"never closed\n2,x\n", 100, 100)
                        .unreadable())
                .isEqualTo(new CsvTable.Unreadable("quote-not-closed", 2));
        assertThat(CsvTable.parse("code,name\n1,a\n2,b,c\n", 100, 100).unreadable())
                .isEqualTo(new CsvTable.Unreadable("too-many-cells", 3));
        assertThat(CsvTable.parse("code\n1\n2\n3\n", 2, 100).unreadable())
                .isEqualTo(new CsvTable.Unreadable("too-many-rows", 4));
        assertThat(CsvTable.parse("code\n" + "x".repeat(11) + "\n", 100, 10).unreadable())
                .isEqualTo(new CsvTable.Unreadable("cell-too-long", 2));
        assertThat(CsvTable.parse("", 100, 100).unreadable()).isEqualTo(new CsvTable.Unreadable("no-header", 1));
        assertThat(CsvTable.parse("code\n", 100, 100).table().rows()).isEmpty();
    }
}
