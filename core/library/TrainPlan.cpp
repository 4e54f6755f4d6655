#include "TrainPlan.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace lm {

namespace {

const char* const kSources[] = {"all_mined", "under_threshold", "selection", "folder", "generated"};
const char* const kDetectorSources[] = {"keep_bundled", "same_loops", "folder"};

QString q(const std::string& s) { return QString::fromStdString(s); }

template <class E, size_t N>
E enumOf(const QJsonValue& v, const char* const (&names)[N], E fallback)
{
    for (size_t i = 0; i < N; ++i)
        if (v.toString() == QLatin1String(names[i]))
            return E(i);
    return fallback;
}

QJsonObject queryToJson(const LoopQuery& q0)
{
    QJsonObject o{{"text", q(q0.text)},          {"min_density", q0.minDensity}, {"max_density", q0.maxDensity},
                  {"source", int(q0.source)},     {"model", q(q0.model)},            {"metre", q(q0.metre)}};
    if (q0.maxScore)
        o.insert(QStringLiteral("max_score"), *q0.maxScore);
    return o;
}

LoopQuery queryFromJson(const QJsonObject& o)
{
    LoopQuery l;
    l.text = o.value(QStringLiteral("text")).toString().toStdString();
    l.minDensity = o.value(QStringLiteral("min_density")).toDouble(0);
    l.maxDensity = o.value(QStringLiteral("max_density")).toDouble(1e9);
    l.source = LoopQuery::Source(std::clamp(o.value(QStringLiteral("source")).toInt(0), 0, 2));
    l.model = o.value(QStringLiteral("model")).toString().toStdString();
    l.metre = o.value(QStringLiteral("metre")).toString().toStdString();
    if (o.contains(QStringLiteral("max_score")))
        l.maxScore = o.value(QStringLiteral("max_score")).toDouble();
    return l;
}

} // namespace

QJsonObject planToJson(const TrainRequest& r)
{
    QJsonArray parts;
    for (const std::string& p : r.parts)
        parts.append(q(p));
    return QJsonObject{{"parts", parts},
                       {"base_model", q(r.baseModelDir)},
                       {"bundled_model", q(r.bundledDir)},
                       {"loops", kSources[int(r.loops)]},
                       {"selection", queryToJson(r.selection)},
                       {"folder", q(r.folder)},
                       {"detector", kDetectorSources[int(r.detector)]},
                       {"detector_epochs", r.detectorEpochs},
                       {"vqvae_epochs", r.vqvaeEpochs},
                       {"prior_epochs", r.priorEpochs},
                       {"cnnvae_epochs", r.cnnvaeEpochs},
                       {"batch", r.batch},
                       {"lr", r.lr},
                       {"codes", r.codes},
                       {"layers", r.layers},
                       {"hidden", r.hidden},
                       {"seed", double(r.seed)},
                       {"threads", r.threads},
                       {"metre", q(r.metre)}};
}

TrainRequest planFromJson(const QJsonObject& o)
{
    TrainRequest r;
    r.parts.clear();
    for (const QJsonValue& v : o.value(QStringLiteral("parts")).toArray())
        r.parts.push_back(v.toString().toStdString());
    r.baseModelDir = o.value(QStringLiteral("base_model")).toString().toStdString();
    r.bundledDir = o.value(QStringLiteral("bundled_model")).toString().toStdString();
    r.loops = enumOf(o.value(QStringLiteral("loops")), kSources, LoopSource::UnderThreshold);
    r.selection = queryFromJson(o.value(QStringLiteral("selection")).toObject());
    r.folder = o.value(QStringLiteral("folder")).toString().toStdString();
    r.detector = enumOf(o.value(QStringLiteral("detector")), kDetectorSources, DetectorSource::KeepBundled);
    r.detectorEpochs = o.value(QStringLiteral("detector_epochs")).toInt(r.detectorEpochs);
    r.vqvaeEpochs = o.value(QStringLiteral("vqvae_epochs")).toInt(r.vqvaeEpochs);
    r.priorEpochs = o.value(QStringLiteral("prior_epochs")).toInt(r.priorEpochs);
    r.cnnvaeEpochs = o.value(QStringLiteral("cnnvae_epochs")).toInt(r.cnnvaeEpochs);
    r.batch = o.value(QStringLiteral("batch")).toInt(r.batch);
    r.lr = o.value(QStringLiteral("lr")).toDouble(r.lr);
    r.codes = o.value(QStringLiteral("codes")).toInt(r.codes);
    r.layers = o.value(QStringLiteral("layers")).toInt(r.layers);
    r.hidden = o.value(QStringLiteral("hidden")).toInt(r.hidden);
    r.seed = uint64_t(o.value(QStringLiteral("seed")).toDouble(1));
    r.threads = o.value(QStringLiteral("threads")).toInt(0);
    r.metre = o.value(QStringLiteral("metre")).toString(QStringLiteral("4/4")).toStdString();
    return r;
}

std::string describeSource(const TrainRequest& r)
{
    switch (r.loops) {
    case LoopSource::AllMined: return "all mined loops (kept MIDI windows)";
    case LoopSource::UnderThreshold: return "mined loops under the model's detector threshold";
    case LoopSource::Selection: {
        std::string s = "the loops panel's selection";
        if (!r.selection.text.empty())
            s += ", text '" + r.selection.text + "'";
        if (r.selection.maxScore)
            s += ", under the threshold";
        if (r.selection.minDensity > 0 || r.selection.maxDensity < 1e9)
            s += ", note density " + std::to_string(r.selection.minDensity) + " to " + std::to_string(r.selection.maxDensity);
        return s;
    }
    case LoopSource::Folder: return "the loop files of " + r.folder;
    case LoopSource::Generated: return "kept generated loops";
    }
    return {};
}

std::vector<WindowRecord> candidateWindows(LibraryDb& db, const TrainRequest& r)
{
    std::vector<WindowRecord> all = db.windowRecords(true, "midi");
    all.erase(std::remove_if(all.begin(), all.end(), [&](const WindowRecord& w) { return w.metre != r.metre; }),
              all.end()); // one metre: the models' 4/4 unless another is picked
    if (r.loops != LoopSource::Selection)
        return all;
    std::unordered_set<int64_t> shown;
    for (const LoopRow& row : db.loopRows(r.selection, 0, std::numeric_limits<int32_t>::max()))
        shown.insert(row.windowId);
    all.erase(std::remove_if(all.begin(), all.end(), [&](const WindowRecord& w) { return !shown.count(w.id); }), all.end());
    return all;
}

std::vector<std::vector<uint64_t>> generatedRolls(LibraryDb& db, const TrainRequest& r)
{
    std::vector<std::vector<uint64_t>> out;
    if (r.loops == LoopSource::Generated) {
        for (const StoredGeneratedLoop& g : db.generatedLoops())
            out.push_back(g.loop.roll);
    } else if (r.loops == LoopSource::Selection) {
        for (const LoopRow& row : db.loopRows(r.selection, 0, std::numeric_limits<int32_t>::max()))
            if (row.id.source == LoopId::Source::Generated)
                if (auto g = db.generatedLoop(row.id.id); g && g->kept)
                    out.push_back(g->loop.roll);
    }
    return out;
}

LoopSet readLoopRolls(std::vector<WindowRecord> windows, const std::string& selection, JobContext* job)
{
    LoopSet set;
    set.selection = selection;
    std::stable_sort(windows.begin(), windows.end(), [](const WindowRecord& a, const WindowRecord& b) { return a.path < b.path; });
    std::string path;
    std::optional<PieceAnalysis> piece;
    std::vector<uint64_t> stacked;
    for (WindowRecord& w : windows) {
        if (job && job->cancelled())
            break;
        if (w.path != path) {
            if (job)
                job->report(int64_t(set.rolls.size()), int64_t(windows.size()), "reading " + w.path);
            path = w.path;
            piece.reset();
            if (auto midi = readMidiFile(path)) {
                piece = analysePiece(*midi);
                stacked = piece->roll.stackedSteps();
            } else {
                set.unreadable.push_back(path + ": " + midi.error().message);
            }
        }
        if (!piece || w.startBar >= piece->bars() || !windowSpan(*piece, w.startBar).fourFour())
            continue; // the VQ-VAE and the prior read 4/4 windows (57 x 128) only
        set.rolls.push_back(windowSteps(stacked, w.startBar));
        set.windows.push_back(std::move(w));
    }
    return set;
}

} // namespace lm

namespace lm {

QJsonObject evaluationToJson(const EvaluationTable& t)
{
    auto set = [](const LoopSetMeasures& m) {
        return QJsonObject{{"loops", double(m.loops)},           {"loop_score", m.loopScore},
                           {"unique_pitch", m.uniquePitch},      {"note_density", m.noteDensity},
                           {"bar_correlation", m.barCorrelation}};
    };
    QJsonObject prdc;
    const char* names[4] = {"precision", "recall", "density", "coverage"};
    for (int i = 0; i < 4; ++i)
        prdc.insert(QLatin1String(names[i]), QJsonObject{{"mean", t.prdc[i][0]}, {"sd", t.prdc[i][1]}});
    return QJsonObject{{"generated", set(t.generated)}, {"training", set(t.training)}, {"drawn", double(t.drawn)},
                       {"repeats", t.repeats},         {"training_set", QString::fromStdString(t.trainingSet)},
                       {"prdc", prdc}};
}

} // namespace lm
