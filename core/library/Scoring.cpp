#include "Scoring.h"

#include "LibraryDb.h"

namespace lm {

Result<LibraryScoring> scoreLibrary(LibraryDb& db, const ml::LoopDetector& detector, const std::string& modelName)
{
    const auto records = db.windowRecords(false);
    if (db.lastError()) // an unreadable library: no scores stored, and it says why
        return *db.lastError();
    std::vector<WindowCorrelation> data;
    data.reserve(records.size());
    for (const WindowRecord& r : records)
        data.push_back(r.correlation);
    const std::vector<double> scores = detector.score(data);
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
