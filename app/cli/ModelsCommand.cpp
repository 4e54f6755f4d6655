// models [list] | models activate NAME: the user's models (core/library/ModelStore)
// without LibTorch, so it lives in loopminer-cli itself.
#include "CliCommon.h"
#include "Commands.h"

#include "core/library/ModelStore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lm::cli {

namespace {

QJsonObject toJson(const ModelInfo& m)
{
    QJsonObject o = m.info;
    o.insert(QStringLiteral("name"), QString::fromStdString(m.name));
    o.insert(QStringLiteral("dir"), QString::fromStdString(m.dir));
    o.insert(QStringLiteral("bundled"), m.bundled);
    o.insert(QStringLiteral("active"), m.active);
    QJsonArray parts, pending;
    for (const std::string& p : m.parts)
        parts.append(QString::fromStdString(p));
    for (const std::string& p : m.pending)
        pending.append(QString::fromStdString(p));
    o.insert(QStringLiteral("finished"), parts);
    o.insert(QStringLiteral("resumable"), pending);
    return o;
}

} // namespace

int runModels(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {}, {}, args))
        return Usage;
    const std::string what = args.positional.empty() ? "list" : args.positional[0];
    ModelStore store = ModelStore::user();
    if (what == "list" && args.positional.size() <= 1) {
        QJsonObject out;
        QJsonArray models;
        for (const ModelInfo& m : store.list())
            models.append(toJson(m));
        out.insert(QStringLiteral("root"), QString::fromStdString(store.root()));
        out.insert(QStringLiteral("active"), QString::fromStdString(store.activeName()));
        out.insert(QStringLiteral("models"), models);
        printJson(QJsonDocument(out).toJson(QJsonDocument::Indented).trimmed().toStdString());
        return Done;
    }
    if (what == "activate") {
        if (args.positional.size() != 2)
            return usageError("models activate needs one NAME (models list shows them)");
        if (auto r = store.activate(args.positional[1]); !r)
            return fail(r.error());
        printJson(QJsonDocument(toJson(*store.find(args.positional[1]))).toJson(QJsonDocument::Indented).trimmed().toStdString());
        return Done;
    }
    return usageError("models takes list or activate NAME, not '" + what + "'");
}

} // namespace lm::cli
