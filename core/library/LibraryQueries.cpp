// The library browser's queries: files and loops, filtered and ordered in SQL.
#include "LibraryDb.h"

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

int bindQuery(Statement& st, const FileQuery& q)
{
    int i = 1;
    if (!q.text.empty())
        st.bind(i++, q.text);
    if (!q.kind.empty())
        st.bind(i++, q.kind);
    if (q.minBestScore)
        st.bind(i++, *q.minBestScore);
    if (q.maxBestScore)
        st.bind(i++, *q.maxBestScore);
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

std::string loopWhere(const LoopQuery& q)
{
    std::string w = " WHERE w.kept=1 AND coalesce(w.note_density,0) BETWEEN ? AND ?";
    if (!q.text.empty())
        w += " AND instr(lower(f.path), lower(?)) > 0";
    if (q.maxScore)
        w += " AND w.loop_score < ?";
    return w;
}

int bindLoopQuery(Statement& st, const LoopQuery& q)
{
    int i = 1;
    st.bind(i++, q.minDensity);
    st.bind(i++, q.maxDensity);
    if (!q.text.empty())
        st.bind(i++, q.text);
    if (q.maxScore)
        st.bind(i++, *q.maxScore);
    return i;
}

const char* loopOrderColumn(LoopQuery::Order o)
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

} // namespace

int64_t LibraryDb::count(const char* purpose, const std::string& sql, const std::function<void(Statement&)>& bind)
{
    Statement st(db(), sql);
    bind(st);
    int64_t n = 0;
    if (!readRows(st, purpose, [&](const Statement& row) { n = row.int64(0); }))
        n = 0;
    return n;
}

LibraryCounts LibraryDb::counts()
{
    LibraryCounts c;
    Statement st(db(), "SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM files WHERE status='usable'), "
                       "(SELECT count(*) FROM files WHERE status='unusable'), "
                       "(SELECT count(*) FROM files WHERE status='error'), (SELECT count(*) FROM windows), "
                       "(SELECT count(*) FROM windows WHERE kept=1)");
    if (!readRows(st, "cannot count the library's files and windows", [&](const Statement& row) {
            c = LibraryCounts{row.int64(0), row.int64(1), row.int64(2), row.int64(3), row.int64(4), row.int64(5)};
        }))
        c = LibraryCounts{};
    return c;
}

int64_t LibraryDb::countLoops(const LoopQuery& q)
{
    return count("cannot count the loops the browser shows",
                 "SELECT count(*) FROM windows w JOIN files f ON f.id=w.file_id" + loopWhere(q),
                 [&](Statement& st) { bindLoopQuery(st, q); });
}

std::vector<LoopRow> LibraryDb::loopRows(const LoopQuery& q, int64_t offset, int64_t limit)
{
    std::vector<LoopRow> out;
    Statement st(db(),
                 "SELECT w.id,f.path,w.start_bar,w.loop_score,p.tempo_bpm,coalesce(w.note_density,0),"
                 "coalesce(w.unique_pitch,0) FROM windows w JOIN files f ON f.id=w.file_id "
                 "LEFT JOIN pieces p ON p.file_id=f.id" + loopWhere(q) + " ORDER BY " + loopOrderColumn(q.order)
                     + (q.descending ? " DESC" : " ASC") + ", f.path COLLATE lm_natural, w.start_bar LIMIT ? OFFSET ?");
    const int next = bindLoopQuery(st, q);
    st.bind(next, limit).bind(next + 1, offset);
    if (!readRows(st, "cannot read the loops the browser shows", [&](const Statement& row) {
            LoopRow r;
            r.windowId = row.int64(0);
            r.path = row.text(1);
            r.startBar = row.int64(2);
            r.loopScore = row.optionalReal(3);
            r.tempoBpm = row.real(4);
            r.noteDensity = row.real(5);
            r.uniquePitch = row.real(6);
            out.push_back(std::move(r));
        }))
        out.clear();
    return out;
}

int64_t LibraryDb::countFiles(const FileQuery& q)
{
    return count("cannot count the files the browser shows", "SELECT count(*) FROM files f" + whereClause(q),
                 [&](Statement& st) { bindQuery(st, q); });
}

std::vector<FileRow> LibraryDb::fileRows(const FileQuery& q, int64_t offset, int64_t limit)
{
    std::vector<FileRow> out;
    Statement st(db(),
                 "SELECT f.id,f.path,f.kind,f.status,f.error,p.bars,p.tempo_bpm,p.time_signatures,"
                 "f.windows_kept AS kept, f.best_score AS best, coalesce(p.assumed_4_4,0) "
                 "FROM files f LEFT JOIN pieces p ON p.file_id=f.id" + whereClause(q) + " ORDER BY "
                     + orderColumn(q.order) + (q.descending ? " DESC" : " ASC")
                     + ", f.path COLLATE lm_natural LIMIT ? OFFSET ?");
    const int next = bindQuery(st, q);
    st.bind(next, limit).bind(next + 1, offset);
    if (!readRows(st, "cannot read the files the browser shows", [&](const Statement& row) {
            FileRow r;
            r.id = row.int64(0);
            r.path = row.text(1);
            r.kind = row.text(2);
            r.status = row.text(3);
            r.error = row.text(4);
            r.bars = row.int64(5);
            r.tempoBpm = row.real(6);
            r.timeSignatures = row.text(7);
            r.windowsKept = row.int64(8);
            r.bestScore = row.optionalReal(9);
            r.assumedFourFour = row.int32(10) != 0;
            out.push_back(std::move(r));
        }))
        out.clear();
    return out;
}

} // namespace lm
