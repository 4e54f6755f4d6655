// star and tag: the loops panel's favourites and tags from a script. Loops
// are named as `loops` prints them (m12, g3); an id that names no loop of
// the library is a usage error (exit 2), as a malformed one is.
#include "CliCommon.h"
#include "Commands.h"
#include "LoopMarksJson.h"

#include "core/base/JsonWriter.h"

namespace lm::cli {

namespace {

// --id ID[,ID...]: each a loop of the library; nothing (with the message said) otherwise.
std::optional<std::vector<LoopId>> loopIds(const Args& args, LibraryDb& lib, const char* command)
{
    const auto text = args.option("id");
    if (!text) {
        usageError(std::string(command) + " needs --id ID (as 'loopminer-cli loops' prints them: m12, g3)");
        return std::nullopt;
    }
    std::vector<LoopId> ids;
    size_t from = 0;
    while (from <= text->size()) {
        const size_t comma = text->find(',', from);
        const std::string item = text->substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        const auto id = LoopId::parse(item);
        if (!id) {
            usageError("--id takes loop ids as 'loopminer-cli loops' prints them (m12, g3), not '" + item + "'");
            return std::nullopt;
        }
        if (!lib.hasLoop(*id)) {
            usageError("no loop " + item + " in " + lib.path() + " (ids as 'loopminer-cli loops --db "
                       + lib.path() + "' prints them)");
            return std::nullopt;
        }
        ids.push_back(*id);
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    return ids;
}

Result<std::unique_ptr<LibraryDb>> openLibrary(const Args& args, const char* command, bool& usage)
{
    usage = false;
    const auto db = args.option("db");
    if (!db || !args.positional.empty()) {
        usage = true;
        usageError(std::string(command) + " needs --db LIB.sqlite and no FILE");
        return Error{"", -1, ""};
    }
    return LibraryDb::open(*db, LibraryOpen::MustExist);
}

// What the loops are now: [{id, starred, tags}].
void printMarks(LibraryDb& lib, const std::vector<LoopId>& ids)
{
    LoopQuery q;
    q.only = ids;
    JsonWriter j(true);
    j.beginArray();
    for (const LoopRow& r : lib.loopRows(q, 0, int64_t(ids.size()))) {
        j.beginObject();
        j.key("id").value(r.id.text());
        writeLoopMarks(j, r);
        j.endObject();
    }
    j.endArray();
    printJson(j.str());
}

} // namespace

int runStar(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "id"}, {"off"}, args))
        return Usage;
    bool usage = false;
    auto lib = openLibrary(args, "star", usage);
    if (usage)
        return Usage;
    if (!lib)
        return fail(lib.error());
    const auto ids = loopIds(args, **lib, "star");
    if (!ids)
        return Usage;
    if (auto r = (*lib)->setStarred(*ids, !args.flag("off")); !r)
        return fail(r.error());
    printMarks(**lib, *ids);
    return Done;
}

int runTag(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "id", "add", "remove", "set"}, {}, args))
        return Usage;
    const auto add = args.option("add"), remove = args.option("remove"), set = args.option("set");
    if (int(add.has_value()) + int(remove.has_value()) + int(set.has_value()) != 1)
        return usageError("tag needs one of --add TAGS, --remove TAGS or --set TAGS (comma-separated)");
    const std::string given = add ? *add : remove ? *remove : *set;
    const std::vector<std::string> tags = cleanTags(given);
    if (tags.empty() && !set)
        return usageError("--" + std::string(add ? "add" : "remove") + " needs a tag (or several, comma-separated)");
    bool usage = false;
    auto lib = openLibrary(args, "tag", usage);
    if (usage)
        return Usage;
    if (!lib)
        return fail(lib.error());
    const auto ids = loopIds(args, **lib, "tag");
    if (!ids)
        return Usage;
    for (const LoopId& id : *ids) {
        Result<bool> ok = true;
        if (set)
            ok = (*lib)->setTags(id, tags);
        else if (auto n = add ? (*lib)->addTags({id}, tags) : (*lib)->removeTags({id}, tags); !n)
            ok = n.error();
        if (!ok)
            return fail(ok.error());
    }
    printMarks(**lib, *ids);
    return Done;
}

} // namespace lm::cli
