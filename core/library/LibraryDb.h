#pragma once
// The library database (SQLite through the sqlite3 C library).
//
// Why sqlite3 directly and not Qt Sql: the import parses files on worker
// threads and one writer thread commits their results in batches; with the C
// library the writer owns a plain connection with prepared statements, WAL
// journalling and a busy timeout, needs no QCoreApplication or driver plugin,
// and the command-line tool and tests use exactly the same code. Readers (the
// GUI) open their own connections; WAL lets them read while an import writes.
//
// The code is split by phase: LibraryDb.cpp the connection, LibrarySchema.cpp
// the schema and its migrations, LibraryStore.cpp what an import writes,
// LibraryFileReads.cpp reading it back, LibraryScores.cpp loop scores and tempo
// settings, LibraryQueries.cpp the browser's queries, LibraryGenerated.cpp the
// generated loops and their batches.
#include "core/library/LibraryReader.h"
#include "core/library/LoopMarks.h"
#include "core/model/LibraryRecords.h"
#include "core/base/Result.h"
#include "core/library/SqliteStatement.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct sqlite3;

namespace lm {

struct EmbeddableLoop; // LoopEmbeddings.h
struct LatentSpace;    // LatentModels.h

enum class LibraryOpen { Create, MustExist };

class LibraryDb : public LibraryReader, public LoopMarks {
public:
    static Result<std::unique_ptr<LibraryDb>> open(const std::string& path, LibraryOpen mode = LibraryOpen::Create);
    ~LibraryDb();
    LibraryDb(const LibraryDb&) = delete;
    LibraryDb& operator=(const LibraryDb&) = delete;

    const std::string& path() const { return path_; }

    std::unordered_map<std::string, FileState> fileStates();
    // Files with windows stored before schema 5 (no period): the next import reads them again.
    std::unordered_set<std::string> filesWithoutPeriod();
    Result<bool> begin();
    Result<bool> commit();
    void rollback();
    // Replaces everything stored for the file's path.
    Result<bool> store(const ImportedFile& file);

    LibraryCounts counts();
    // The rows a query selects, in its order, `limit` of them from `offset` (lazy fetching).
    std::vector<FileRow> fileRows(const FileQuery& query, int64_t offset, int64_t limit) override;
    int64_t countFiles(const FileQuery& query) override;
    // Every kept window of the library that the query selects, in its order.
    std::vector<LoopRow> loopRows(const LoopQuery& query, int64_t offset, int64_t limit) override;
    int64_t countLoops(const LoopQuery& query) override;
    std::vector<StoredWindow> windowsOf(const std::string& path) override;
    std::optional<ImportedFile> fileInfo(const std::string& path) override; // without windows (matrix included)
    // The user's tempo for audio files; setting one does not re-analyse (see LibraryImport).
    Result<bool> setTempoSetting(const std::string& path, const TempoSetting& setting);
    Result<bool> clearTempoSetting(const std::string& path);
    std::unordered_map<std::string, TempoSetting> tempoSettings();
    Result<bool> integrityCheck();

    // Loop scores from the detector (window id, score), the threshold under
    // which a window is a loop, and which model gave them; refreshes every
    // file's best score. One transaction.
    Result<bool> storeLoopScores(const std::vector<std::pair<int64_t, double>>& scores, double threshold,
                                 const std::string& model);
    std::optional<double> loopThreshold() override; // of the last scoring, if any
    std::optional<std::string> loopModel(); // which model gave the scores
    std::vector<double> keptScores(); // every scored kept window's loop score (ScoreHistogram.cpp)
    // Every kept window (or every window), in file and bar order; `kind` filters by file kind.
    std::vector<WindowRecord> windowRecords(bool keptOnly = true, const std::string& kind = {});
    // One kept window by its id (the mined loop "m<id>"), or nothing (LibraryWindowRead.cpp).
    std::optional<WindowRecord> keptWindow(int64_t windowId);

    // Generated loops (LibraryGenerated.cpp). A batch is stored with its
    // loops at once (one transaction): pending, or kept when `keepAll`; the
    // batch is listed in the history unless `inHistory` is false. Returns the
    // batch with its id and its loops' ids.
    Result<GenerationBatch> addGenerationBatch(GenerationBatch batch, bool keepAll, bool inHistory = true);
    // Keeps the loops (pending ones become library loops); how many changed.
    Result<int64_t> keepGenerated(const std::vector<int64_t>& ids);
    // Drops pending loops (kept ones stay: deleteGenerated removes those).
    Result<int64_t> discardGenerated(const std::vector<int64_t>& ids);
    // Drops the batch's pending loops and takes it out of the history; its kept loops stay.
    Result<bool> discardBatch(int64_t batchId);
    // Removes generated loops, kept or not.
    Result<int64_t> deleteGenerated(const std::vector<int64_t>& ids);
    std::optional<StoredGeneratedLoop> generatedLoop(int64_t id) override;
    std::vector<std::string> generatedModels() override;
    // The batches of the history, newest first, each with its loops (kept and pending) in order.
    std::vector<GenerationBatch> generationHistory();
    // Kept generated loops (of one model when `model` is not empty), oldest first.
    std::vector<StoredGeneratedLoop> generatedLoops(const std::string& model = {});

    // Favourites and tags (LoopMarks.h, LoopMarks.cpp).
    Result<int64_t> setStarred(const std::vector<LoopId>& ids, bool on) override;
    Result<int64_t> addTags(const std::vector<LoopId>& ids, const std::vector<std::string>& tags) override;
    Result<int64_t> removeTags(const std::vector<LoopId>& ids, const std::vector<std::string>& tags) override;
    Result<bool> setTags(const LoopId& id, const std::vector<std::string>& tags) override;
    std::vector<std::string> allTags() override;
    bool hasLoop(const LoopId& id) override;

    // The latent space's codes of the loops, per model (LibraryEmbeddings.cpp;
    // LoopEmbeddings.h says what they are). A stored space whose stamp changes
    // has its codes dropped.
    std::vector<EmbeddableLoop> embeddableLoops();
    std::optional<LatentSpace> latentSpace(const std::string& model);
    Result<bool> storeLatentSpace(const LatentSpace& space);
    using KeyedCodes = std::vector<std::pair<std::string, std::vector<uint16_t>>>;
    KeyedCodes loopCodes(const std::string& model);
    Result<bool> storeLoopCodes(const std::string& model, const KeyedCodes& rows, const std::vector<std::string>& dropKeys);

    // What went wrong in the latest read (the calls above that return rows,
    // counts, states or settings), nothing when it succeeded. A read that fails
    // answers as if the library were empty, keeps the error here for the UI to
    // show and says it on stderr, once per distinct error:
    //   "loopminer: LIBRARY: cannot count the browser's files: no such table: files"
    const std::optional<Error>& lastError() const override { return lastError_; }

private:
    struct CloseConnection {
        void operator()(sqlite3* db) const;
    };

    LibraryDb() = default;
    sqlite3* db() const { return db_.get(); }
    Error sqlError(const std::string& what) const;
    Result<bool> exec(const char* sql);
    // Steps a read to its end, calling `row` for each row; on a failed prepare
    // or step, sets lastError() naming `purpose` and returns false.
    bool readRows(Statement& st, const char* purpose, const std::function<void(const Statement&)>& row);
    int64_t count(const char* purpose, const std::string& sql, const std::function<void(Statement&)>& bind);

    Result<bool> applySchema();
    Result<bool> migrate(int version);
    Result<bool> migrateWindowMetre(); // schema 5: windows.metre, windows.bar_steps
    Result<bool> addWindowPeriod(); // schema 5 (LibrarySchema.cpp)
    Result<bool> hasTable(const std::string& table);
    Result<bool> hasColumn(const std::string& table, const std::string& column);

    Result<bool> prepareStore();
    Result<int64_t> storeFileRow(const ImportedFile& file);
    Result<bool> storePiece(int64_t fileId, const ImportedFile& file);
    Result<bool> storeWindows(int64_t fileId, const ImportedFile& file);

    std::optional<std::string> metaValue(const char* key);
    Result<int64_t> changeGenerated(const char* sql, const std::vector<int64_t>& ids, const char* what);
    // A re-imported file's marks, by start bar (LoopMarks.cpp): read before its windows are replaced,
    // put back on its new kept windows at the same bars (the windows that vanished take theirs along).
    struct CarriedMark {
        int64_t startBar = 0;
        bool starred = false;
        std::string tags; // comma-separated
    };
    static const char* const kMarksOfFile;
    Result<std::vector<CarriedMark>> marksOfFile(int64_t fileId);
    Result<bool> restoreMarks(int64_t fileId, const std::vector<CarriedMark>& marks);
    Result<int64_t> changeMarks(std::string sql, const std::vector<LoopId>& ids, const std::vector<std::string>& tags,
                                const char* what);
    std::vector<StoredGeneratedLoop> readGenerated(const std::string& where, const std::function<void(Statement&)>& bind);

    // Declared first so that it closes after the statements below are finalized.
    std::unique_ptr<sqlite3, CloseConnection> db_;
    std::string path_;
    std::optional<Error> lastError_;
    std::string lastSaid_; // the last read error said on stderr
    Statement upsertFile_, deletePiece_, deleteWindows_, insertPiece_, insertWindow_, marksOfFile_;
};

} // namespace lm
