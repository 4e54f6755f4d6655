#include "LoopRolls.h"

#include "LibraryDb.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Period.h"
#include "core/analysis/Windows.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiReader.h"
#include "core/model/LoopFormat.h"

#include <filesystem>

namespace lm {

Result<LoopInfo> loopInfo(LibraryDb& db, const LoopId& id)
{
    if (id.source == LoopId::Source::Generated) {
        const std::optional<StoredGeneratedLoop> g = db.generatedLoop(id.id);
        if (db.lastError())
            return *db.lastError();
        if (!g)
            return Error{db.path(), -1, "no loop " + id.text() + " in this library (no generated loop with id " + std::to_string(id.id) + ")"};
        if (g->loop.roll.size() != size_t(format::kWindowSteps))
            return Error{db.path(), -1, id.text() + ": the stored roll has " + std::to_string(g->loop.roll.size()) + " steps, not 128"};
        LoopInfo info;
        info.id = id;
        info.source = "generated";
        info.score = g->loop.loopScore;
        info.tempoBpm = g->tempoBpm > 0 ? g->tempoBpm : 120.0;
        info.generatedRoll = g->loop.roll;
        info.period = rollPeriod(info.generatedRoll);
        return info;
    }
    const std::optional<WindowRecord> w = db.keptWindow(id.id);
    if (db.lastError())
        return *db.lastError();
    if (!w)
        return Error{db.path(), -1, "no loop " + id.text() + " in this library (no kept window with id " + std::to_string(id.id) + ")"};
    const std::optional<ImportedFile> file = db.fileInfo(w->path);
    if (!file || !file->piece)
        return Error{db.path(), -1, id.text() + ": the library has no piece for " + w->path};
    LoopInfo info;
    info.id = id;
    info.path = w->path;
    info.source = std::filesystem::path(w->path).stem().string();
    info.audio = w->kind == "audio";
    info.startBar = w->startBar;
    info.metre = w->metre;
    info.barSteps = w->barSteps;
    info.score = w->loopScore;
    info.tempoBpm = file->piece->tempoBpm > 0 ? file->piece->tempoBpm : 120.0;
    info.downbeat = file->piece->downbeat;
    info.size = file->size;
    info.mtimeNs = file->mtimeNs;
    info.period = w->period;
    return info;
}

Result<LoopRoll> loopRoll(LibraryDb& db, const LoopId& id)
{
    auto info = loopInfo(db, id);
    if (!info)
        return info.error();
    LoopRollReader reader;
    return reader.read(*info);
}

Result<LoopRoll> LoopRollReader::read(const LoopInfo& info)
{
    LoopRoll roll{info, {}};
    if (info.id.source == LoopId::Source::Generated) {
        roll.steps = info.generatedRoll;
        return roll;
    }
    const std::optional<FileStamp> stamp = fileStamp(info.path);
    if (!stamp)
        return Error{info.path, -1, info.id.text() + ": the source file is gone (moved or deleted since the import)"};
    if (stamp->size != info.size || stamp->mtimeNs != info.mtimeNs)
        return Error{info.path, -1, info.id.text() + ": the file changed since the library analysed it; scan it again"};
    if (info.audio)
        return roll; // cut from the audio file when written
    if (path_ != info.path) {
        path_ = info.path;
        error_.reset();
        stacked_.clear();
        piece_.reset();
        auto midi = readMidiFile(info.path);
        if (!midi) {
            error_ = midi.error();
        } else {
            piece_ = analysePiece(*midi);
            stacked_ = piece_->roll.stackedSteps();
        }
    }
    if (error_)
        return *error_;
    if (info.startBar < 0 || info.startBar >= piece_->bars())
        return Error{info.path, -1, info.id.text() + ": bar " + std::to_string(info.startBar + 1) + " is past the end of the piece"};
    const WindowSpan span = windowSpan(*piece_, info.startBar);
    roll.steps = windowSteps(stacked_, span);
    roll.numerator = span.numerator;
    roll.denominator = span.denominator;
    if (const Part* keys = piece_->keys()) {
        roll.keys = windowSteps(keys->steps, span);
        roll.keysProgram = keys->program;
    }
    return roll;
}

} // namespace lm
