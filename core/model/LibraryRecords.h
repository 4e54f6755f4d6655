#pragma once
// The library's records as plain data: what is stored per file, piece and
// window, and what the browser asks for and gets back. core/library's
// LibraryDb reads and writes them; the panels and the CLI show them.
#include "core/model/LoopId.h"
#include "core/model/WindowCorrelation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lm {

enum class FileStatus { Usable, Unusable, Error };
const char* toString(FileStatus s);

struct StoredWindow {
    int64_t startBar = 0;
    int64_t drumCells = 0;
    int64_t bassCells = 0;
    bool kept = false;
    WindowCorrelation correlation{};
    std::optional<double> loopScore;
    double noteDensity = 0;
    double uniquePitch = 0;
    // The window's metre (method.md 10.2, schema 5): its time signature and bar length in steps.
    std::string metre = "4/4";
    int barSteps = 16;
    std::optional<int> period; // method.md 10.1: 1, 2, 4, 8 or 0; nothing in a library from before schema 5
};

struct StoredPiece {
    int tpq = 0;
    double tempoBpm = 120.0;
    int tempoChanges = 0;
    std::string timeSignatures; // "4/4@0 3/4@1920" (ticks)
    bool assumedFourFour = false;
    int64_t bars = 0;
    int64_t steps = 0;
    // Audio pieces only (0 / empty for MIDI):
    int sampleRate = 0;
    int channels = 0;
    double seconds = 0;
    double downbeat = 0;          // seconds where bar 0 starts
    double bpmConfidence = 0;
    bool tempoFromUser = false;   // tempo and/or downbeat set by the user
    std::vector<float> matrix;    // bars x bars bar correlation (audio: kept, as it costs a decode to redo)
};

// A tempo and downbeat the user set for one audio file; kept across re-imports.
struct TempoSetting {
    std::optional<double> bpm;
    std::optional<double> downbeat;
    // Where half/double-tempo confusion is resolved to (a run's choice, not stored per piece).
    double preferMinBpm = 50;
    double preferMaxBpm = 220;
};

struct ImportedFile {
    std::string path;
    int64_t size = 0;
    int64_t mtimeNs = 0;
    std::string hash;        // 16 hex digits (FNV-1a 64) of the content
    std::string kind = "midi";
    FileStatus status = FileStatus::Error;
    std::string error;       // why the file is unusable or could not be read
    std::optional<StoredPiece> piece;
    std::vector<StoredWindow> windows;
};

struct FileState {
    int64_t id = 0;
    int64_t size = 0;
    int64_t mtimeNs = 0;
};

// One row of the library browser.
struct FileRow {
    int64_t id = 0;
    std::string path;
    std::string kind;
    std::string status;
    std::string error;
    int64_t bars = 0;
    double tempoBpm = 0;
    std::string timeSignatures;
    bool assumedFourFour = false; // no time signature in the file: read as 4/4
    int64_t windowsKept = 0;
    std::optional<double> bestScore;
};

// What the library browser shows: filters and order, done in SQL so that a
// library of tens of thousands of files answers without loading them all.
struct FileQuery {
    enum class Order { Path, Kind, Bars, Tempo, Metre, WindowsKept, BestScore, Status };
    std::string text;        // part of the path, case-insensitive
    bool usableOnly = false;
    std::string kind;        // "midi", "audio", or empty for all
    std::optional<double> minBestScore, maxBestScore; // files with a best loop score in range
    Order order = Order::Path;
    bool descending = false;
};

// One loop for the loops panel: a mined loop (a kept window) or a generated
// loop kept in the library.
struct LoopRow {
    LoopId id;
    int64_t windowId = 0;   // mined: the window's id (== id.id); generated: 0
    std::string path;       // mined: the source file; generated: empty
    std::string model;      // generated: the model's name; mined: empty
    int64_t startBar = 0;
    std::optional<double> loopScore;
    double tempoBpm = 0;
    double noteDensity = 0;
    double uniquePitch = 0;
    std::string metre = "4/4"; // the loop's time signature (method.md 10.2)
    std::optional<int> period; // mined: the window's (method.md 10.1); generated: nothing
    bool starred = false;           // schema 6: the user's favourite
    std::vector<std::string> tags;  // schema 6: the user's tags, A to Z
};

struct LoopQuery {
    // The loops panel's columns in its model's order (Starred and Tags came last).
    enum class Order { Score, File, StartBar, Tempo, NoteDensity, UniquePitch, Period, Starred, Tags };
    enum class Source { All, Mined, Generated };
    Source source = Source::All;
    std::string model;                // generated loops of this model only (implies Generated)
    std::string text;                 // part of the path (generated: of the model's name)
    std::optional<double> maxScore;   // only scored loops under this
    double minDensity = 0, maxDensity = 1e9;
    std::string metre;                // loops of this time signature only ("3/4"); empty: every metre
    std::optional<int> period;        // mined loops of this period only (0: no period)
    Order order = Order::Score;
    bool descending = false;
    std::optional<std::vector<LoopId>> only; // these loops only (the library map's lasso); none: no such limit
    bool starredOnly = false;         // schema 6: favourites only
    std::vector<std::string> tags;    // loops with any of these tags (case-insensitive); empty: no such limit
    std::optional<double> minTempo, maxTempo; // BPM, inclusive
};

// A window as the models see it.
struct WindowRecord {
    int64_t id = 0;
    std::string path;
    std::string kind;       // of its file: "midi" or "audio"
    int64_t startBar = 0;
    WindowCorrelation correlation{};
    std::optional<double> loopScore;
    std::string metre = "4/4"; // the window's time signature (method.md 10.2)
    int barSteps = 16;
    std::optional<int> period; // method.md 10.1
};

// How a batch of loops was generated: what `generate` and the Generation
// panel ask a model for, and what the library keeps as the loops' provenance.
struct GenerationSettings {
    int count = 16;
    double temperature = 0.7;
    int topK = 30;           // top-k or top-p, one at a time: the other is 0
    double topP = 0;
    double maxScore = 0.001; // rejection threshold (max loop score)
    uint64_t seed = 1;
    int64_t maxDrawn = 0;    // 0: 500 draws per loop asked for
    double tempoBpm = 120;
};
// The settings as the JSON object the library stores ("temperature", "top_k" or "top_p", ...).
std::string generationSettingsJson(const GenerationSettings& s);

// A model's name as the library and the panels show it: its folder's name
// ("default" for the bundled model).
std::string modelNameOfDir(const std::string& dir);

// One generated loop: its 57-row roll (128 step masks) and its measures.
struct GeneratedLoop {
    std::vector<uint64_t> roll; // format::kWindowSteps masks
    double loopScore = 0;
    double noteDensity = 0;
    double uniquePitch = 0;
};

// A generated loop as stored in the library, with its provenance.
struct StoredGeneratedLoop {
    int64_t id = 0;          // its LoopId is g<id>
    int64_t batchId = 0;
    int position = 0;        // its place in the batch (0 = first found)
    bool kept = false;       // in the library; false: a result of the batch still pending
    GeneratedLoop loop;
    double tempoBpm = 120;
    int64_t createdAt = 0;   // seconds since 1970
    std::string modelName, modelDir, settingsJson;
    uint64_t seed = 0;
    LoopId loopId() const { return LoopId{LoopId::Source::Generated, id}; }
};

// One generation run: its provenance and what it found (kept or pending).
struct GenerationBatch {
    int64_t id = 0;
    int64_t createdAt = 0;
    std::string modelName;   // the model folder's name ("default" for the bundled one)
    std::string modelDir;
    GenerationSettings settings;
    std::string settingsJson; // as stored (generationSettingsJson of settings when added)
    int64_t drawn = 0;        // draws it took
    std::vector<StoredGeneratedLoop> loops;
};

struct LibraryCounts {
    int64_t files = 0, usable = 0, unusable = 0, errors = 0, windows = 0, windowsKept = 0;
};

// Create: a missing file becomes a new, empty library (an import writes there).
// MustExist: for commands that read a library (train, score, tempo ...): a missing
// file is an error naming it, and no file is created.

} // namespace lm
