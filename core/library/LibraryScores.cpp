// What is stored beside the import: the detector's loop scores (with the
// threshold and model that gave them) and the user's tempo settings.
#include "LibraryDb.h"

#include <cstdio>
#include <cstdlib>

namespace lm {

std::optional<std::string> LibraryDb::metaValue(const char* key)
{
    std::optional<std::string> out;
    Statement st(db(), "SELECT value FROM meta WHERE key=?");
    st.bind(1, key);
    if (!readRows(st, "cannot read the scoring's settings", [&](const Statement& row) { out = row.text(0); }))
        out.reset();
    return out;
}

std::optional<double> LibraryDb::loopThreshold()
{
    const auto v = metaValue("loop_threshold");
    return v ? std::optional<double>(std::strtod(v->c_str(), nullptr)) : std::nullopt;
}

std::optional<std::string> LibraryDb::loopModel() { return metaValue("loop_model"); }

Result<bool> LibraryDb::storeLoopScores(const std::vector<std::pair<int64_t, double>>& scores, double threshold,
                                        const std::string& model)
{
    if (auto r = begin(); !r)
        return r;
    auto fail = [&](const std::string& what, Statement& st) {
        Error e{path_, -1, what + ": " + st.message()};
        st.reset(); // nothing left running when the transaction rolls back
        rollback();
        return e;
    };
    Statement update(db(), "UPDATE windows SET loop_score=? WHERE id=?");
    for (const auto& [id, score] : scores) {
        update.reset();
        if (!update.bind(1, score).bind(2, id).run())
            return fail("cannot store loop scores", update);
    }
    Statement meta(db(), "INSERT INTO meta(key,value) VALUES('loop_threshold',?1),('loop_model',?2) "
                         "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", threshold);
    if (!meta.bind(1, buf).bind(2, model).run())
        return fail("cannot store the loop threshold", meta);
    // Each file's best score, kept in files so that the browser sorts by it fast.
    // One grouped pass over the windows: a correlated subquery per file made
    // SQLite scan every kept window for each file (10 minutes and counting at
    // 20,000 files).
    if (auto r = exec("UPDATE files SET best_score=NULL;"
                      "UPDATE files SET best_score=b.best FROM (SELECT file_id, min(loop_score) AS best FROM windows "
                      "WHERE kept=1 GROUP BY file_id) AS b WHERE b.file_id=files.id;");
        !r) {
        rollback();
        return r;
    }
    return commit();
}

Result<bool> LibraryDb::setTempoSetting(const std::string& path, const TempoSetting& setting)
{
    Statement st(db(), "INSERT INTO tempo_settings(path,bpm,downbeat) VALUES(?,?,?) ON CONFLICT(path) DO UPDATE SET "
                       "bpm=excluded.bpm, downbeat=excluded.downbeat");
    if (!st.bind(1, path).bind(2, setting.bpm).bind(3, setting.downbeat).run())
        return Error{path_, -1, "cannot store the tempo of " + path + ": " + st.message()};
    return true;
}

Result<bool> LibraryDb::clearTempoSetting(const std::string& path)
{
    Statement st(db(), "DELETE FROM tempo_settings WHERE path=?");
    if (!st.bind(1, path).run())
        return Error{path_, -1, "cannot clear the tempo of " + path + ": " + st.message()};
    return true;
}

std::unordered_map<std::string, TempoSetting> LibraryDb::tempoSettings()
{
    std::unordered_map<std::string, TempoSetting> out;
    Statement st(db(), "SELECT path,bpm,downbeat FROM tempo_settings");
    if (!readRows(st, "cannot read the tempo settings", [&](const Statement& row) {
            TempoSetting t;
            t.bpm = row.optionalReal(1);
            t.downbeat = row.optionalReal(2);
            out[row.text(0)] = t;
        }))
        out.clear();
    return out;
}

} // namespace lm
