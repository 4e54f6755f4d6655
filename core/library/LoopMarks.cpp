// Favourites and tags (schema 6, LoopMarks.h) in the library's loop_stars and
// loop_tags tables; the browser's queries read them (LibraryQueries.cpp).
#include "LibraryDb.h"

#include <algorithm>
#include <cctype>

namespace lm {

namespace {

std::string lowered(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

const char* sourceCode(const LoopId& id) { return id.source == LoopId::Source::Mined ? "m" : "g"; }

// The loop's row, if the library has it as a loop: (source, id) or nothing.
const char* kExistingLoop = "SELECT ?1, ?2 WHERE (?1='m' AND EXISTS(SELECT 1 FROM windows WHERE id=?2 AND kept=1)) "
                            "OR (?1='g' AND EXISTS(SELECT 1 FROM generated_loops WHERE id=?2 AND kept=1))";

} // namespace

std::vector<std::string> cleanTags(const std::vector<std::string>& tags)
{
    std::vector<std::string> out, seen;
    for (const std::string& raw : tags) {
        const size_t a = raw.find_first_not_of(" \t\r\n");
        if (a == std::string::npos)
            continue;
        const std::string t = raw.substr(a, raw.find_last_not_of(" \t\r\n") - a + 1);
        if (std::find(seen.begin(), seen.end(), lowered(t)) != seen.end())
            continue;
        seen.push_back(lowered(t));
        out.push_back(t);
    }
    return out;
}

std::vector<std::string> cleanTags(const std::string& commaSeparated)
{
    std::vector<std::string> parts;
    size_t from = 0;
    for (;;) {
        const size_t comma = commaSeparated.find(',', from);
        parts.push_back(commaSeparated.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    return cleanTags(parts);
}

std::string joinTags(const std::vector<std::string>& tags)
{
    std::string out;
    for (const std::string& t : tags)
        out += (out.empty() ? "" : ", ") + t;
    return out;
}

bool LibraryDb::hasLoop(const LoopId& id)
{
    return count("cannot look for a loop", std::string("SELECT count(*) FROM (") + kExistingLoop + ")",
                 [&](Statement& st) { st.bind(1, sourceCode(id)).bind(2, id.id); })
        > 0;
}

// Runs `sql` (parameters ?1 source, ?2 loop id, ?3 tag) for every loop and
// tag, in one transaction; the rows it changed.
Result<int64_t> LibraryDb::changeMarks(std::string sql, const std::vector<LoopId>& ids,
                                       const std::vector<std::string>& tags, const char* what)
{
    if (auto r = begin(); !r)
        return r.error();
    Statement st(db(), sql + " RETURNING 1");
    int64_t changed = 0;
    const std::vector<std::string> none{std::string()};
    for (const LoopId& id : ids)
        for (const std::string& tag : tags.empty() ? none : tags) {
            st.reset();
            st.bind(1, sourceCode(id)).bind(2, id.id);
            if (!tag.empty())
                st.bind(3, tag);
            Statement::Step step;
            while ((step = st.step()) == Statement::Step::Row)
                ++changed; // each statement says RETURNING 1 for a row it changed
            if (step == Statement::Step::Error) {
                Error e{path_, -1, std::string("cannot ") + what + ": " + st.message()};
                st.reset();
                rollback();
                return e;
            }
        }
    st.reset();
    if (auto r = commit(); !r)
        return r.error();
    return changed;
}

Result<int64_t> LibraryDb::setStarred(const std::vector<LoopId>& ids, bool on)
{
    if (on)
        return changeMarks(std::string("INSERT OR IGNORE INTO loop_stars(source, loop_id) ") + kExistingLoop, ids, {},
                           "star the loops");
    return changeMarks("DELETE FROM loop_stars WHERE source=?1 AND loop_id=?2", ids, {}, "unstar the loops");
}

Result<int64_t> LibraryDb::addTags(const std::vector<LoopId>& ids, const std::vector<std::string>& tags)
{
    const std::vector<std::string> clean = cleanTags(tags);
    if (clean.empty())
        return int64_t(0);
    return changeMarks(std::string("INSERT OR IGNORE INTO loop_tags(source, loop_id, tag) SELECT *, ?3 FROM (")
                           + kExistingLoop + ")",
                       ids, clean, "tag the loops");
}

Result<int64_t> LibraryDb::removeTags(const std::vector<LoopId>& ids, const std::vector<std::string>& tags)
{
    const std::vector<std::string> clean = cleanTags(tags);
    if (clean.empty())
        return int64_t(0);
    return changeMarks("DELETE FROM loop_tags WHERE source=?1 AND loop_id=?2 AND tag=?3", ids, clean,
                       "remove the loops' tags");
}

Result<bool> LibraryDb::setTags(const LoopId& id, const std::vector<std::string>& tags)
{
    // One transaction for both steps: a failure leaves the old tags.
    const std::vector<std::string> clean = cleanTags(tags);
    if (auto r = begin(); !r)
        return r.error();
    Statement del(db(), "DELETE FROM loop_tags WHERE source=?1 AND loop_id=?2");
    del.bind(1, sourceCode(id)).bind(2, id.id);
    bool ok = del.run();
    std::string message = del.message();
    Statement ins(db(), std::string("INSERT OR IGNORE INTO loop_tags(source, loop_id, tag) SELECT *, ?3 FROM (")
                            + kExistingLoop + ")");
    for (size_t i = 0; ok && i < clean.size(); ++i) {
        ins.reset();
        ins.bind(1, sourceCode(id)).bind(2, id.id).bind(3, clean[i]);
        ok = ins.run();
        message = ins.message();
    }
    del.reset();
    ins.reset();
    if (!ok) {
        rollback();
        return Error{path_, -1, "cannot set the loop's tags: " + message};
    }
    return commit();
}

const char* const LibraryDb::kMarksOfFile =
    "SELECT w.start_bar, EXISTS(SELECT 1 FROM loop_stars s WHERE s.source='m' AND s.loop_id=w.id), "
    "(SELECT group_concat(tag, ',') FROM loop_tags t WHERE t.source='m' AND t.loop_id=w.id) FROM windows w "
    "WHERE w.file_id=? AND (EXISTS(SELECT 1 FROM loop_stars s WHERE s.source='m' AND s.loop_id=w.id) "
    "OR EXISTS(SELECT 1 FROM loop_tags t WHERE t.source='m' AND t.loop_id=w.id))";

Result<std::vector<LibraryDb::CarriedMark>> LibraryDb::marksOfFile(int64_t fileId)
{
    std::vector<CarriedMark> out;
    Statement& st = marksOfFile_;
    st.reset();
    st.bind(1, fileId);
    Statement::Step step;
    while ((step = st.step()) == Statement::Step::Row)
        out.push_back(CarriedMark{st.int64(0), st.int32(1) != 0, st.text(2)});
    if (step == Statement::Step::Error)
        return Error{path_, -1, "cannot read the marks of a file imported again: " + st.message()};
    st.reset();
    return out;
}

Result<bool> LibraryDb::restoreMarks(int64_t fileId, const std::vector<CarriedMark>& marks)
{
    if (marks.empty())
        return true; // the usual case: nothing prepared
    Statement star(db(), "INSERT OR IGNORE INTO loop_stars(source, loop_id) SELECT 'm', id FROM windows "
                         "WHERE file_id=?1 AND start_bar=?2 AND kept=1");
    Statement tag(db(), "INSERT OR IGNORE INTO loop_tags(source, loop_id, tag) SELECT 'm', id, ?3 FROM windows "
                        "WHERE file_id=?1 AND start_bar=?2 AND kept=1");
    for (const CarriedMark& m : marks) {
        if (m.starred) {
            star.reset();
            if (!star.bind(1, fileId).bind(2, m.startBar).run())
                return Error{path_, -1, "cannot keep the stars of a file imported again: " + star.message()};
        }
        for (const std::string& t : cleanTags(m.tags)) {
            tag.reset();
            if (!tag.bind(1, fileId).bind(2, m.startBar).bind(3, t).run())
                return Error{path_, -1, "cannot keep the tags of a file imported again: " + tag.message()};
        }
    }
    return true;
}

std::vector<std::string> LibraryDb::allTags()
{
    std::vector<std::string> out;
    Statement st(db(), "SELECT min(tag) FROM loop_tags GROUP BY tag ORDER BY tag");
    if (!readRows(st, "cannot read the library's tags", [&](const Statement& row) { out.push_back(row.text(0)); }))
        out.clear();
    return out;
}

} // namespace lm
