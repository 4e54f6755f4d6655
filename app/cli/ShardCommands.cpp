// Sharded scans on the command line: scan's --shard K/N, --list, --root and
// --file-timeout options, and the merge command that joins the parts.
#include "CliCommon.h"
#include "Commands.h"

#include "core/base/JsonWriter.h"
#include "core/library/LibraryImport.h"
#include "core/library/LibraryMerge.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace lm::cli {
namespace {

// An absolute, normalized folder without a trailing '/'.
std::string normalRoot(const std::string& folder)
{
    std::error_code ec;
    fs::path p = fs::absolute(folder, ec).lexically_normal();
    if (p.filename().empty() && p.has_parent_path() && p != p.root_path())
        p = p.parent_path();
    return p.string();
}

// The files of a list (one path a line; empty lines and lines starting with
// '#' skipped; relative paths are under the root), this shard's only.
Result<std::vector<std::string>> readList(const std::string& listPath, const ScanShard& shard)
{
    std::ifstream in(listPath);
    if (!in)
        return Error{listPath, -1, "cannot read the list of files"};
    std::vector<std::string> files;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        fs::path p(line);
        if (p.is_relative())
            p = fs::path(shard.root) / p;
        const std::string abs = p.lexically_normal().string();
        if (inShard(abs, shard))
            files.push_back(abs);
    }
    return files;
}

} // namespace

int readShardOptions(const Args& args, ImportOptions& options)
{
    if (!numberOption(args, "file-timeout", options.fileTimeoutSeconds, 0.0, 1e6))
        return Usage;
    const auto shardText = args.option("shard");
    if (shardText && !parseShard(*shardText, options.shard))
        return usageError("--shard needs K/N with 0 <= K < N (for example 0/4), not '" + *shardText + "'");
    const auto list = args.option("list");
    const auto root = args.option("root");
    if (!list) {
        if (root)
            return usageError("--root goes with --list (a scanned folder is its own root)");
        if (!shardText)
            return Done;
        std::error_code ec;
        if (options.roots.size() != 1 || !fs::is_directory(options.roots.front(), ec))
            return usageError("--shard needs one folder (or --list FILES.txt --root DIR)");
        options.shard.root = normalRoot(options.roots.front());
        return Done;
    }
    if (!options.roots.empty())
        return usageError("give either folders or --list, not both");
    if (!root)
        return usageError("--list needs --root DIR: the folder the listed paths are relative to, and hashed from");
    std::error_code ec;
    if (!fs::is_directory(*root, ec))
        return fail(Error{*root, -1, "no such folder (the --root of the list)"});
    options.shard.root = normalRoot(*root);
    auto files = readList(*list, options.shard);
    if (!files)
        return fail(files.error());
    options.roots = std::move(*files);
    return Done;
}

int runMerge(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "root"}, {"overwrite", "allow-missing", "quiet"}, args))
        return Usage;
    const auto db = args.option("db");
    if (!db)
        return usageError("merge needs --db ALL.sqlite (the library to write)");
    if (args.positional.empty())
        return usageError("merge needs the parts: PART.sqlite ...");
    MergeOptions options;
    options.parts = args.positional;
    options.out = *db;
    options.overwrite = args.flag("overwrite");
    options.allowMissing = args.flag("allow-missing");
    if (const auto root = args.option("root"))
        options.root = normalRoot(*root); // where the collection is for the merged library
    auto merged = mergeLibraries(options);
    if (!merged)
        return fail(merged.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("db").value(*db);
    j.key("root").value(merged->root);
    j.key("parts").value(int64_t(options.parts.size()));
    j.key("shards").value(int64_t(merged->shards));
    j.key("missing_shards").beginArray();
    for (int k : merged->missing)
        j.value(int64_t(k));
    j.endArray();
    j.key("files").value(merged->files);
    j.key("windows").value(merged->windows);
    j.key("tables").beginArray();
    for (const std::string& t : merged->tables)
        j.value(t);
    j.endArray();
    j.key("seconds").value(merged->seconds);
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
