// The library browser's queries: files and loops, filtered and ordered in SQL.
#include "LibraryDb.h"

#include <variant>

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

// The loops panel's rows: mined loops (kept windows) and generated loops
// kept in the library, one SELECT each with the same columns, joined by a
// UNION ALL when both are asked for, filtered and ordered in SQL.
struct LoopSelect {
    std::string sql;
    std::vector<std::variant<double, std::string>> params; // in the order of the ?s
    void bindTo(Statement& st, int& i) const
    {
        for (const auto& p : params) {
            if (const double* d = std::get_if<double>(&p))
                st.bind(i++, *d);
            else
                st.bind(i++, std::get<std::string>(p));
        }
    }
};

// The ids of one source as a JSON array, for json_each.
std::string idsJson(const std::vector<LoopId>& ids, LoopId::Source source)
{
    std::string out = "[";
    for (const LoopId& id : ids)
        if (id.source == source)
            out += (out.size() > 1 ? "," : "") + std::to_string(id.id);
    return out + "]";
}

// Schema 6: whether the loop is starred, and its tags joined by commas (A to Z).
std::string marksColumns(const char* source, const char* id)
{
    const std::string match = std::string("source='") + source + "' AND loop_id=" + id;
    return "EXISTS(SELECT 1 FROM loop_stars WHERE " + match + ") AS starred, "
           "(SELECT group_concat(tag, ',') FROM (SELECT tag FROM loop_tags WHERE " + match + " ORDER BY tag)) AS tags";
}

// Schema 6: favourites only, any of the tags, a tempo range (inclusive).
void addMarksFilters(LoopSelect& s, const LoopQuery& q, const char* source, const char* id, const char* tempo)
{
    const std::string match = std::string("source='") + source + "' AND loop_id=" + id;
    if (q.starredOnly)
        s.sql += " AND EXISTS(SELECT 1 FROM loop_stars WHERE " + match + ")";
    if (!q.tags.empty()) {
        std::string json = "[";
        for (const std::string& t : q.tags) {
            json += json.size() > 1 ? "," : "";
            json += '"';
            for (char c : t) {
                if (c == '"' || c == '\\')
                    json += '\\';
                if (static_cast<unsigned char>(c) >= 0x20)
                    json += c;
            }
            json += '"';
        }
        s.sql += " AND EXISTS(SELECT 1 FROM loop_tags WHERE " + match + " AND tag IN (SELECT value FROM json_each(?)))";
        s.params.emplace_back(json + "]");
    }
    if (q.minTempo) {
        s.sql += std::string(" AND ") + tempo + " >= ?";
        s.params.emplace_back(*q.minTempo);
    }
    if (q.maxTempo) {
        s.sql += std::string(" AND ") + tempo + " <= ?";
        s.params.emplace_back(*q.maxTempo);
    }
}

bool wantsMined(const LoopQuery& q) { return q.source != LoopQuery::Source::Generated && q.model.empty(); }
bool wantsGenerated(const LoopQuery& q) { return q.source != LoopQuery::Source::Mined; }

// countOnly: the same rows counted (no columns, no pieces joined: a third faster on 100,000 loops).
LoopSelect minedSelect(const LoopQuery& q, bool countOnly = false)
{
    LoopSelect s;
    const bool tempo = q.minTempo || q.maxTempo;
    s.sql = countOnly ? std::string("SELECT count(*) FROM windows w JOIN files f ON f.id=w.file_id ")
                            + (tempo ? "LEFT JOIN pieces p ON p.file_id=f.id " : "")
                      : std::string("SELECT 0 AS src, w.id AS id, f.path AS path, w.start_bar AS start_bar, w.loop_score AS score, "
                                    "p.tempo_bpm AS tempo, coalesce(w.note_density,0) AS nd, coalesce(w.unique_pitch,0) AS up, "
                                    "'' AS model, w.metre AS metre, w.period AS period, ")
                            + marksColumns("m", "w.id") + " FROM windows w JOIN files f ON f.id=w.file_id LEFT JOIN pieces p ON p.file_id=f.id ";
    s.sql += "WHERE w.kept=1 AND coalesce(w.note_density,0) BETWEEN ? AND ?";
    s.params = {q.minDensity, q.maxDensity};
    addMarksFilters(s, q, "m", "w.id", "p.tempo_bpm");
    if (!q.text.empty()) {
        s.sql += " AND instr(lower(f.path), lower(?)) > 0";
        s.params.emplace_back(q.text);
    }
    if (q.maxScore) {
        s.sql += " AND w.loop_score < ?";
        s.params.emplace_back(*q.maxScore);
    }
    if (!q.metre.empty()) { // schema 5: one time signature (method.md 10.2)
        s.sql += " AND w.metre = ?";
        s.params.emplace_back(q.metre);
    }
    if (q.only) {
        s.sql += " AND w.id IN (SELECT value FROM json_each(?))";
        s.params.emplace_back(idsJson(*q.only, LoopId::Source::Mined));
    }
    if (q.period) { // method.md 10.1
        s.sql += " AND w.period = ?";
        s.params.emplace_back(double(*q.period));
    }
    return s;
}

LoopSelect generatedSelect(const LoopQuery& q, bool countOnly = false)
{
    LoopSelect s;
    s.sql = countOnly ? std::string("SELECT count(*) ")
                      : "SELECT 1 AS src, g.id AS id, '' AS path, 0 AS start_bar, g.loop_score AS score, g.tempo_bpm AS tempo, "
                        "g.note_density AS nd, g.unique_pitch AS up, b.model_name AS model, '4/4' AS metre, NULL AS period, "
                            + marksColumns("g", "g.id") + " ";
    s.sql += "FROM generated_loops g JOIN generation_batches b ON b.id=g.batch_id "
             "WHERE g.kept=1 AND g.note_density BETWEEN ? AND ?";
    s.params = {q.minDensity, q.maxDensity};
    addMarksFilters(s, q, "g", "g.id", "g.tempo_bpm");
    if (q.period) // generated loops have no stored period: a period filter keeps none of them
        s.sql += " AND 0";
    if (!q.model.empty()) {
        s.sql += " AND b.model_name=?";
        s.params.emplace_back(q.model);
    }
    if (!q.text.empty()) {
        s.sql += " AND instr(lower(b.model_name), lower(?)) > 0";
        s.params.emplace_back(q.text);
    }
    if (q.maxScore) {
        s.sql += " AND g.loop_score < ?";
        s.params.emplace_back(*q.maxScore);
    }
    if (!q.metre.empty() && q.metre != "4/4")
        s.sql += " AND 0"; // generated loops are 4/4
    if (q.only) {
        s.sql += " AND g.id IN (SELECT value FROM json_each(?))";
        s.params.emplace_back(idsJson(*q.only, LoopId::Source::Generated));
    }
    return s;
}

// The query's loops as one SELECT (of the sources it asks for).
LoopSelect loopSelect(const LoopQuery& q)
{
    if (!wantsGenerated(q))
        return minedSelect(q);
    if (!wantsMined(q))
        return generatedSelect(q);
    LoopSelect m = minedSelect(q), g = generatedSelect(q);
    m.sql += " UNION ALL " + g.sql;
    m.params.insert(m.params.end(), g.params.begin(), g.params.end());
    return m;
}

const char* loopOrderColumn(LoopQuery::Order o)
{
    switch (o) {
    case LoopQuery::Order::Score: return "score IS NULL, score"; // unscored last
    case LoopQuery::Order::File: return "path COLLATE lm_natural";
    case LoopQuery::Order::StartBar: return "start_bar";
    case LoopQuery::Order::Tempo: return "tempo";
    case LoopQuery::Order::NoteDensity: return "nd";
    case LoopQuery::Order::UniquePitch: return "up";
    case LoopQuery::Order::Period: return "period IS NULL, period";
    case LoopQuery::Order::Starred: return "starred";
    case LoopQuery::Order::Tags: return "tags IS NULL, tags COLLATE NOCASE"; // untagged last
    }
    return "score";
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
    // The sum of each source's count.
    LoopSelect s;
    s.sql = "SELECT 0";
    auto add = [&s](const LoopSelect& part) {
        s.sql += " + (" + part.sql + ")";
        s.params.insert(s.params.end(), part.params.begin(), part.params.end());
    };
    if (wantsMined(q))
        add(minedSelect(q, true));
    if (wantsGenerated(q))
        add(generatedSelect(q, true));
    return count("cannot count the loops the browser shows", s.sql, [&](Statement& st) {
        int i = 1;
        s.bindTo(st, i);
    });
}

std::vector<LoopRow> LibraryDb::loopRows(const LoopQuery& q, int64_t offset, int64_t limit)
{
    std::vector<LoopRow> out;
    const LoopSelect s = loopSelect(q);
    Statement st(db(), "SELECT src,id,path,start_bar,score,tempo,nd,up,model,metre,period,starred,tags FROM (" + s.sql + ") ORDER BY "
                           + loopOrderColumn(q.order) + (q.descending ? " DESC" : " ASC")
                           + ", src, path COLLATE lm_natural, start_bar, id LIMIT ? OFFSET ?");
    int next = 1;
    s.bindTo(st, next);
    st.bind(next, limit).bind(next + 1, offset);
    if (!readRows(st, "cannot read the loops the browser shows", [&](const Statement& row) {
            LoopRow r;
            const bool mined = row.int32(0) == 0;
            r.id = LoopId{mined ? LoopId::Source::Mined : LoopId::Source::Generated, row.int64(1)};
            r.windowId = mined ? r.id.id : 0;
            r.path = row.text(2);
            r.startBar = row.int64(3);
            r.loopScore = row.optionalReal(4);
            r.tempoBpm = row.real(5);
            r.noteDensity = row.real(6);
            r.uniquePitch = row.real(7);
            r.model = row.text(8);
            r.metre = row.text(9);
            if (const auto p = row.optionalReal(10))
                r.period = int(*p);
            r.starred = row.int32(11) != 0;
            r.tags = cleanTags(row.text(12));
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
