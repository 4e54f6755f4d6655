#include "ModelsPanel.h"

#include "core/library/LibraryDb.h"
#include "core/library/ModelStore.h"
#include "core/library/Models.h"
#include "core/library/TrainPlan.h"
#include "ui/LibrarySession.h"
#include "ui/jobs/JobRunner.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lm::ui {

namespace {

enum Column { Name, Created, Data, Settings, Metrics, ColumnCount };
constexpr int kEvaluationLoops = 64; // generated per evaluation: a minute or less on 2 cores

QString num(const QJsonValue& v, int digits = 4) { return v.isDouble() ? QLocale().toString(v.toDouble(), 'g', digits) : QStringLiteral("–"); }

// model.json's "created" (ISO 8601, UTC) as a short date and time of the locale.
QString createdText(const QString& iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso.left(10);
}

QString settingsText(const QJsonObject& parts)
{
    QStringList out;
    const QJsonObject vq = parts.value(QStringLiteral("vqvae")).toObject().value(QStringLiteral("settings")).toObject();
    const QJsonObject pr = parts.value(QStringLiteral("prior")).toObject().value(QStringLiteral("settings")).toObject();
    if (!vq.isEmpty())
        out << ModelsPanel::tr("K %1, %2 epochs, batch %3").arg(num(vq["codes"]), num(vq["epochs"]), num(vq["batch"]));
    if (!pr.isEmpty())
        out << ModelsPanel::tr("prior %1 x %2, %3 epochs").arg(num(pr["layers"]), num(pr["hidden"]), num(pr["epochs"]));
    return out.join(QStringLiteral("; "));
}

QString metricsText(const QJsonObject& parts)
{
    const QJsonObject d = parts.value(QStringLiteral("detector")).toObject();
    const QJsonObject v = parts.value(QStringLiteral("vqvae")).toObject();
    const QJsonObject p = parts.value(QStringLiteral("prior")).toObject();
    QStringList out;
    if (d.contains(QStringLiteral("threshold")))
        out << ModelsPanel::tr("threshold %1").arg(num(d["threshold"]));
    if (v.contains(QStringLiteral("hamming_error")))
        out << ModelsPanel::tr("Hamming %1 %").arg(num(QJsonValue(v["hamming_error"].toDouble() * 100), 3));
    if (v.contains(QStringLiteral("perplexity")))
        out << ModelsPanel::tr("perplexity %1").arg(num(v["perplexity"], 4));
    if (p.contains(QStringLiteral("val_loss")))
        out << ModelsPanel::tr("prior val. loss %1").arg(num(p["val_loss"]));
    return out.join(QStringLiteral(", "));
}

QString partsText(const ModelInfo& m)
{
    QStringList missing, pending;
    for (const char* p : {"detector", "vqvae", "prior"})
        if (!m.has(p))
            missing << QString::fromLatin1(p);
    for (const std::string& p : m.pending)
        pending << QString::fromStdString(p);
    if (!pending.isEmpty())
        return ModelsPanel::tr(" (unfinished: %1)").arg(pending.join(QStringLiteral(", ")));
    if (!missing.isEmpty())
        return ModelsPanel::tr(" (no %1)").arg(missing.join(QStringLiteral(", ")));
    return {};
}

} // namespace

ModelsPanel::ModelsPanel(QWidget* parent) : QWidget(parent)
{
    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("modelsTable"));
    table_->setHorizontalHeaderLabels({tr("Model"), tr("Date"), tr("Trained on"), tr("Settings"), tr("Metrics")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    evaluation_ = new QTableWidget(0, 2, this);
    evaluation_->setObjectName(QStringLiteral("evaluationTable"));
    evaluation_->setHorizontalHeaderLabels({tr("Generated"), tr("Training")});
    evaluation_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    evaluation_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    activate_ = new QPushButton(tr("Activate"), this);
    activate_->setObjectName(QStringLiteral("activateModel"));
    activate_->setToolTip(tr("Score the library with this model's detector and generate with it"));
    rename_ = new QPushButton(tr("Rename…"), this);
    rename_->setObjectName(QStringLiteral("renameModel"));
    delete_ = new QPushButton(tr("Delete…"), this);
    delete_->setObjectName(QStringLiteral("deleteModel"));
    evaluate_ = new QPushButton(tr("Evaluate"), this);
    evaluate_->setObjectName(QStringLiteral("evaluateModel"));
    evaluate_->setToolTip(tr("Generate loops with this model and compare them with the loops it learnt from"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("modelsStatus"));
    status_->setWordWrap(true);
    evaluateJob_ = new JobRunner(tr("Evaluating"), this);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {activate_, rename_, delete_, evaluate_})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(evaluation_);
    split->setStretchFactor(0, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    layout->addWidget(status_);

    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        showEvaluation(selectedName());
    });
    connect(activate_, &QPushButton::clicked, this, [this] { activate(selectedName()); });
    connect(evaluate_, &QPushButton::clicked, this, [this] { evaluate(selectedName()); });
    connect(rename_, &QPushButton::clicked, this, [this] {
        const QString from = selectedName();
        auto* d = new QInputDialog(this);
        d->setObjectName(QStringLiteral("renameDialog"));
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->setLabelText(tr("New name for %1:").arg(from));
        d->setTextValue(from);
        connect(d, &QInputDialog::textValueSelected, this, [this, from](const QString& to) { rename(from, to); });
        d->open();
    });
    connect(delete_, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        auto* box = new QMessageBox(QMessageBox::Question, tr("Delete model"),
                                    tr("Delete the model %1 and its files? This cannot be undone.").arg(name),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("confirmDelete"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, name](int r) {
            if (r == QMessageBox::Yes)
                remove(name);
        });
        box->open();
    });
    connect(evaluateJob_, &JobRunner::finished, this, [this](bool ok, const QString& error) {
        if (ok && evaluateJob_->result().has_value()) {
            const auto& t = std::any_cast<const EvaluationTable&>(evaluateJob_->result());
            ModelStore store = ModelStore::user();
            if (evaluating_ != QLatin1String(ModelStore::kBundledName))
                store.updateInfo(evaluating_.toStdString(), {{"evaluation", evaluationToJson(t)}});
            else
                bundledEvaluation_ = evaluationToJson(t);
            status_->setText(tr("Evaluated %1.").arg(evaluating_));
        } else {
            status_->setText(tr("Evaluation of %1 failed: %2").arg(evaluating_, error));
        }
        const QString name = evaluating_;
        reload();
        select(name);
        updateButtons();
        Q_EMIT evaluated(name, ok ? QString() : error);
    });
    reload();
}

void ModelsPanel::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session, &LibrarySession::opened, this, &ModelsPanel::updateButtons);
    updateButtons();
}

void ModelsPanel::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    reload();
}

void ModelsPanel::reload()
{
    const QString keep = selectedName();
    table_->setRowCount(0);
    for (const ModelInfo& m : ModelStore::user().list()) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        const QString name = QString::fromStdString(m.name);
        QString title = name + (m.bundled ? tr(" (bundled)") : QString()) + (m.active ? tr(" — active") : QString());
        auto* item = new QTableWidgetItem(title + partsText(m));
        item->setData(Qt::UserRole, name);
        if (m.active) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        table_->setItem(row, Name, item);
        table_->setItem(row, Created, new QTableWidgetItem(createdText(m.info.value(QStringLiteral("created")).toString())));
        // model.json's record, else what the VQ-VAE's header says (a model trained with loopminer-cli).
        const QJsonObject vq = m.info.value(QStringLiteral("parts")).toObject().value(QStringLiteral("vqvae")).toObject();
        const QJsonValue loops = m.info.contains(QStringLiteral("loops")) ? m.info["loops"] : vq["loops"];
        const QString selection = m.info.contains(QStringLiteral("selection"))
                                      ? m.info.value(QStringLiteral("selection")).toString()
                                      : vq["settings"].toObject().value(QStringLiteral("training_set")).toString();
        const QString data = loops.isDouble() ? tr("%1 loops: %2").arg(num(loops, 9), selection) : tr("(not recorded)");
        const QString fp = m.info.value(QStringLiteral("data")).toString();
        auto* dataItem = new QTableWidgetItem(data);
        dataItem->setToolTip(data + (fp.isEmpty() ? QString() : tr("\ndata fingerprint %1").arg(fp)));
        table_->setItem(row, Data, dataItem);
        const QJsonObject parts = m.info.value(QStringLiteral("parts")).toObject();
        table_->setItem(row, Settings, new QTableWidgetItem(settingsText(parts)));
        table_->setItem(row, Metrics, new QTableWidgetItem(metricsText(parts)));
    }
    table_->resizeColumnsToContents();
    for (int c = 0; c < ColumnCount; ++c) {
        table_->setColumnWidth(c, std::min(table_->columnWidth(c), 280)); // the whole text is in the tooltip
        for (int r = 0; r < table_->rowCount(); ++r)
            if (table_->item(r, c)->toolTip().isEmpty())
                table_->item(r, c)->setToolTip(table_->item(r, c)->text());
    }
    if (!select(keep) && !select(QString::fromStdString(ModelStore::user().activeName())))
        updateButtons();
}

QString ModelsPanel::selectedName() const
{
    const auto rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : table_->item(rows.front().row(), Name)->data(Qt::UserRole).toString();
}

bool ModelsPanel::select(const QString& name)
{
    for (int r = 0; r < table_->rowCount(); ++r)
        if (table_->item(r, Name)->data(Qt::UserRole).toString() == name && !name.isEmpty()) {
            table_->selectRow(r);
            return true;
        }
    return false;
}

void ModelsPanel::updateButtons()
{
    const QString name = selectedName();
    const bool any = !name.isEmpty(), user = any && name != QLatin1String(ModelStore::kBundledName);
    activate_->setEnabled(any);
    rename_->setEnabled(user);
    delete_->setEnabled(user);
    rename_->setToolTip(user || !any ? tr("Give the selected model another name") : tr("The bundled model cannot be renamed"));
    delete_->setToolTip(user || !any ? tr("Delete the selected model and its files (asks first)") : tr("The bundled model cannot be deleted"));
    evaluate_->setEnabled(any && !evaluateJob_->running() && session_ && session_->db());
}

bool ModelsPanel::activate(const QString& name)
{
    ModelStore store = ModelStore::user();
    if (auto r = store.activate(name.toStdString()); !r) {
        status_->setText(QString::fromStdString(r.error().toString()));
        return false;
    }
    const QString dir = QString::fromStdString(store.activeDir());
    status_->setText(tr("%1 is active: scoring the library with its detector.").arg(name));
    reload();
    select(name);
    if (session_) {
        session_->setModelDir(dir);
        session_->scoreLibrary();
    }
    Q_EMIT activeModelChanged(dir);
    return true;
}

bool ModelsPanel::rename(const QString& from, const QString& to)
{
    if (auto r = ModelStore::user().rename(from.toStdString(), to.trimmed().toStdString()); !r) {
        status_->setText(tr("Cannot rename %1: %2").arg(from, QString::fromStdString(r.error().message)));
        return false;
    }
    reload();
    select(to.trimmed());
    if (session_ && ModelStore::user().activeName() == to.trimmed().toStdString())
        session_->setModelDir(QString::fromStdString(ModelStore::user().activeDir()));
    status_->setText(tr("Renamed %1 to %2.").arg(from, to.trimmed()));
    return true;
}

bool ModelsPanel::remove(const QString& name)
{
    ModelStore store = ModelStore::user();
    const bool wasActive = store.activeName() == name.toStdString();
    if (auto r = store.remove(name.toStdString()); !r) {
        status_->setText(tr("Cannot delete %1: %2").arg(name, QString::fromStdString(r.error().message)));
        return false;
    }
    status_->setText(tr("Deleted %1.").arg(name));
    reload();
    if (wasActive) // back to the bundled model
        activate(QString::fromLatin1(ModelStore::kBundledName));
    return true;
}

bool ModelsPanel::evaluate(const QString& name)
{
    const auto m = ModelStore::user().find(name.toStdString());
    if (!m || !session_ || !session_->db() || evaluateJob_->running())
        return false;
    evaluating_ = name;
    const std::string lib = session_->db()->path(), dir = m->dir;
    evaluateJob_->start([lib, dir](JobContext& job) -> JobOutcome {
        auto db = LibraryDb::open(lib, LibraryOpen::MustExist);
        if (!db)
            return {QString::fromStdString(db.error().toString()), {}};
        auto t = models().evaluate(**db, dir, kEvaluationLoops, 3, job);
        if (!t)
            return {QString::fromStdString(t.error().toString()), {}};
        return {QString(), *t};
    });
    status_->setText(tr("Evaluating %1 (%2 loops generated, 3 repeats)…").arg(name).arg(kEvaluationLoops));
    updateButtons();
    return true;
}

void ModelsPanel::showEvaluation(const QString& name)
{
    evaluation_->setRowCount(0);
    const auto m = ModelStore::user().find(name.toStdString());
    const QJsonObject e = m && !m->bundled ? m->info.value(QStringLiteral("evaluation")).toObject()
                                           : (m ? bundledEvaluation_ : QJsonObject());
    if (e.isEmpty())
        return;
    const QJsonObject g = e["generated"].toObject(), t = e["training"].toObject(), prdc = e["prdc"].toObject();
    const std::pair<const char*, QString> rows[] = {{"loops", tr("loops")},
                                                    {"loop_score", tr("loop score")},
                                                    {"unique_pitch", tr("unique pitch")},
                                                    {"note_density", tr("note density")},
                                                    {"bar_correlation", tr("bar correlation")}};
    for (const auto& [key, label] : rows) {
        const int r = evaluation_->rowCount();
        evaluation_->insertRow(r);
        evaluation_->setVerticalHeaderItem(r, new QTableWidgetItem(label));
        evaluation_->setItem(r, 0, new QTableWidgetItem(num(g[QLatin1String(key)])));
        evaluation_->setItem(r, 1, new QTableWidgetItem(num(t[QLatin1String(key)])));
    }
    for (const char* key : {"precision", "recall", "density", "coverage"}) {
        const int r = evaluation_->rowCount();
        const QJsonObject v = prdc[QLatin1String(key)].toObject();
        evaluation_->insertRow(r);
        evaluation_->setVerticalHeaderItem(r, new QTableWidgetItem(QString::fromLatin1(key)));
        evaluation_->setItem(r, 0, new QTableWidgetItem(tr("%1 ± %2").arg(num(v["mean"], 3), num(v["sd"], 2))));
        evaluation_->setItem(r, 1, new QTableWidgetItem(tr("(reference)")));
    }
}

} // namespace lm::ui
