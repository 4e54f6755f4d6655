// The library browser's queries: files and loops, filtered and ordered in SQL.
#include "LibraryDb.h"

#include "core/library/SqliteText.h"

#include <sqlite3.h>

namespace lm {

namespace {

// The WHERE clause of a query; its parameters are bound by bindQuery in the same order.
std::string whereClause(const FileQuery& q)
{
    std::string w = " WHERE 1";
    if (!q.text.empty())
        w += " AND instr(lower(f.path), lower(?)) > 0";
    if (q.usableOnly)
        w += " AND f.status='usable'";
    if (!q.kind.empty())
        w += " AND f.kind=?";
    if (q.minBestScore)
        w += " AND f.best_score >= ?";
    if (q.maxBestScore)
        w += " AND f.best_score <= ?";
    return w;
}

int bindQuery(sqlite3_stmt* st, const FileQuery& q)
{
    int i = 1;
    if (!q.text.empty())
        sqlite3_bind_text(st, i++, q.text.c_str(), -1, SQLITE_TRANSIENT);
    if (!q.kind.empty())
        sqlite3_bind_text(st, i++, q.kind.c_str(), -1, SQLITE_TRANSIENT);
    if (q.minBestScore)
        sqlite3_bind_double(st, i++, *q.minBestScore);
    if (q.maxBestScore)
        sqlite3_bind_double(st, i++, *q.maxBestScore);
    return i;
}

const char* orderColumn(FileQuery::Order o)
{
    switch (o) {
    case FileQuery::Order::Path: return "f.path COLLATE lm_natural";
    case FileQuery::Order::Kind: return "f.kind";
    case FileQuery::Order::Bars: return "p.bars";
    case FileQuery::Order::Tempo: return "p.tempo_bpm";
    case FileQuery::Order::Metre: return "p.time_signatures";
    case FileQuery::Order::WindowsKept: return "kept";
    case FileQuery::Order::BestScore: return "best";
    case FileQuery::Order::Status: return "f.status";
    }
    return "f.path COLLATE lm_natural";
}

} // namespace

static std::string loopWhere(const LoopQuery& q)
{
    std::string w = " WHERE w.kept=1 AND coalesce(w.note_density,0) BETWEEN ? AND ?";
    if (!q.text.empty())
        w += " AND instr(lower(f.path), lower(?)) > 0";
    if (q.maxScore)
        w += " AND w.loop_score < ?";
    return w;
}

static int bindLoopQuery(sqlite3_stmt* st, const LoopQuery& q)
{
    int i = 1;
    sqlite3_bind_double(st, i++, q.minDensity);
    sqlite3_bind_double(st, i++, q.maxDensity);
    if (!q.text.empty())
        sqlite3_bind_text(st, i++, q.text.c_str(), -1, SQLITE_TRANSIENT);
    if (q.maxScore)
        sqlite3_bind_double(st, i++, *q.maxScore);
    return i;
}

static const char* loopOrderColumn(LoopQuery::Order o)
{
    switch (o) {
    case LoopQuery::Order::Score: return "w.loop_score IS NULL, w.loop_score"; // unscored last
    case LoopQuery::Order::File: return "f.path COLLATE lm_natural";
    case LoopQuery::Order::StartBar: return "w.start_bar";
    case LoopQuery::Order::Tempo: return "p.tempo_bpm";
    case LoopQuery::Order::NoteDensity: return "w.note_density";
    case LoopQuery::Order::UniquePitch: return "w.unique_pitch";
    }
    return "w.loop_score";
}

int64_t LibraryDb::countLoops(const LoopQuery& q)
{
    return count("SELECT count(*) FROM windows w JOIN files f ON f.id=w.file_id" + loopWhere(q),
                 [&](sqlite3_stmt* st) { bindLoopQuery(st, q); });
}

std::vector<LoopRow> LibraryDb::loopRows(const LoopQuery& q, int64_t offset, int64_t limit)
{
    std::vector<LoopRow> out;
    sqlite3_stmt* st = nullptr;
    const std::string sql =
        "SELECT w.id,f.path,w.start_bar,w.loop_score,p.tempo_bpm,coalesce(w.note_density,0),"
        "coalesce(w.unique_pitch,0) FROM windows w JOIN files f ON f.id=w.file_id "
        "LEFT JOIN pieces p ON p.file_id=f.id" + loopWhere(q) + " ORDER BY " + loopOrderColumn(q.order)
        + (q.descending ? " DESC" : " ASC") + ", f.path COLLATE lm_natural, w.start_bar LIMIT ? OFFSET ?";
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
    const int next = bindLoopQuery(st, q);
    sqlite3_bind_int64(st, next, limit);
    sqlite3_bind_int64(st, next + 1, offset);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        LoopRow r;
        r.windowId = sqlite3_column_int64(st, 0);
        r.path = columnText(st, 1);
        r.startBar = sqlite3_column_int64(st, 2);
        r.loopScore = columnOptionalDouble(st, 3);
        r.tempoBpm = sqlite3_column_double(st, 4);
        r.noteDensity = sqlite3_column_double(st, 5);
        r.uniquePitch = sqlite3_column_double(st, 6);
        out.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    return out;
}

int64_t LibraryDb::countFiles(const FileQuery& q)
{
    return count("SELECT count(*) FROM files f" + whereClause(q), [&](sqlite3_stmt* st) { bindQuery(st, q); });
}

int64_t LibraryDb::count(const std::string& sql, const std::function<void(sqlite3_stmt*)>& bind)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
    bind(st);
    int64_t n = 0;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

std::vector<FileRow> LibraryDb::fileRows(const FileQuery& q, int64_t offset, int64_t limit)
{
    std::vector<FileRow> out;
    sqlite3_stmt* st = nullptr;
    const std::string sql =
        "SELECT f.id,f.path,f.kind,f.status,f.error,p.bars,p.tempo_bpm,p.time_signatures,"
        "f.windows_kept AS kept, f.best_score AS best, coalesce(p.assumed_4_4,0) "
        "FROM files f LEFT JOIN pieces p ON p.file_id=f.id" + whereClause(q) + " ORDER BY "
        + orderColumn(q.order) + (q.descending ? " DESC" : " ASC") + ", f.path COLLATE lm_natural LIMIT ? OFFSET ?";
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
    const int next = bindQuery(st, q);
    sqlite3_bind_int64(st, next, limit);
    sqlite3_bind_int64(st, next + 1, offset);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        auto text = [st](int i) { return columnText(st, i); };
        FileRow r;
        r.id = sqlite3_column_int64(st, 0);
        r.path = text(1);
        r.kind = text(2);
        r.status = text(3);
        r.error = text(4);
        r.bars = sqlite3_column_int64(st, 5);
        r.tempoBpm = sqlite3_column_double(st, 6);
        r.timeSignatures = text(7);
        r.windowsKept = sqlite3_column_int64(st, 8);
        r.bestScore = columnOptionalDouble(st, 9);
        r.assumedFourFour = sqlite3_column_int(st, 10) != 0;
        out.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    return out;
}

} // namespace lm
