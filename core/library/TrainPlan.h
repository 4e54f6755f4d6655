#pragma once
// A training request as JSON, kept in the model folder's model.json ("plan")
// when a training starts, so that a resume (also after a restart) repeats it
// with the same data and settings. And the loops it learns from.
#include "core/library/LoopSet.h"
#include "core/library/Models.h"

#include <QJsonObject>

namespace lm {

QJsonObject planToJson(const TrainRequest& r);
// The request a plan describes (folders included; resume off).
TrainRequest planFromJson(const QJsonObject& o);
// "all mined loops", "loops the loops panel shows (text 'x', density 1-3)", ...
std::string describeSource(const TrainRequest& r);

// The kept MIDI windows the request names, before any threshold: every one
// (AllMined, UnderThreshold: the caller scores them), or those the loops
// panel's filter shows (Selection).
std::vector<WindowRecord> candidateWindows(LibraryDb& db, const TrainRequest& r);
// The rolls of the kept generated loops the request names: all of them
// (Generated), those the loops panel's filter shows (Selection), else none.
std::vector<std::vector<uint64_t>> generatedRolls(LibraryDb& db, const TrainRequest& r);
// The 57 x 128 rolls of these windows, read again from their files (each file once).
LoopSet readLoopRolls(std::vector<WindowRecord> windows, const std::string& selection, JobContext* job);

} // namespace lm

namespace lm {
// The evaluation table as model.json keeps it ("evaluation").
QJsonObject evaluationToJson(const EvaluationTable& t);
} // namespace lm
