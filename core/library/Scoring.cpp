#include "Scoring.h"

#include "LibraryDb.h"

#include <algorithm>

namespace lm {

Result<LibraryScoring> scoreLibrary(LibraryDb& db, const ml::LoopDetector& detector, const std::string& modelName,
                                    JobContext* job)
{
    const auto records = db.windowRecords(false);
    if (db.lastError()) // an unreadable library: no scores stored, and it says why
        return *db.lastError();
    // In chunks, so that a long pass reports and can stop.
    constexpr size_t kChunk = 16384;
    std::vector<double> scores;
    scores.reserve(records.size());
    for (size_t from = 0; from < records.size(); from += kChunk) {
        if (job && job->cancelled())
            return Error{db.path(), -1, "scoring cancelled (the earlier scores stand)"};
        std::vector<WindowCorrelation> data;
        for (size_t i = from; i < std::min(records.size(), from + kChunk); ++i)
            data.push_back(records[i].correlation);
        for (double s : detector.score(data))
            scores.push_back(s);
        if (job)
            job->report(int64_t(scores.size()), int64_t(records.size()), "windows scored");
    }
    LibraryScoring out;
    out.windows = int64_t(records.size());
    std::vector<std::pair<int64_t, double>> rows;
    rows.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        rows.emplace_back(records[i].id, scores[i]);
        out.underThreshold += scores[i] < detector.threshold();
    }
    if (auto r = db.storeLoopScores(rows, detector.threshold(), modelName); !r)
        return r.error();
    return out;
}

} // namespace lm
