#pragma once
// A library's rows as text, for comparing two libraries row for row: every
// column (found with pragma_table_info, so columns added later are compared
// too) except the row ids and the import time, with each file id replaced by
// the file's path; sorted, so that the order rows were written in is ignored.
#include <sqlite3.h>

#include <QString>
#include <QStringList>

#include <cstdio>
#include <string>

namespace lm::test {

inline QStringList libraryRows(const QString& dbPath, const QString& table)
{
    QStringList rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return {QStringLiteral("cannot open ") + dbPath};
    }
    std::string select, join;
    sqlite3_stmt* cols = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?)", -1, &cols, nullptr);
    const QByteArray t = table.toUtf8();
    sqlite3_bind_text(cols, 1, t.constData(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(cols) == SQLITE_ROW) {
        const std::string c = reinterpret_cast<const char*>(sqlite3_column_text(cols, 0));
        if (c == "id" || c == "imported_at")
            continue;
        if (c == "file_id") {
            join = " JOIN files lm_f ON lm_f.id=t.file_id";
            select += std::string(select.empty() ? "" : ",") + "lm_f.path";
        } else {
            select += std::string(select.empty() ? "" : ",") + "t.\"" + c + "\"";
        }
    }
    sqlite3_finalize(cols);
    const std::string sql = "SELECT " + select + " FROM \"" + t.toStdString() + "\" t" + join;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        rows << QStringLiteral("cannot read: ") + QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return rows;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        QString row;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            row += c ? QStringLiteral(" | ") : QString();
            switch (sqlite3_column_type(st, c)) {
            case SQLITE_NULL: row += QStringLiteral("NULL"); break;
            case SQLITE_INTEGER: row += QString::number(sqlite3_column_int64(st, c)); break;
            case SQLITE_FLOAT: row += QString::number(sqlite3_column_double(st, c), 'g', 17); break;
            case SQLITE_BLOB:
                row += QString::fromLatin1(
                    QByteArray(static_cast<const char*>(sqlite3_column_blob(st, c)), sqlite3_column_bytes(st, c)).toHex());
                break;
            default: row += QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, c)));
            }
        }
        rows << row;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    rows.sort();
    return rows;
}

} // namespace lm::test
