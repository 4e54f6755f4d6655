#include "TrainForm.h"

#include "core/ml/TrainingDefaults.h"
#include "ui/LibrarySession.h"

#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <thread>

namespace lm::ui {

namespace {

// Seconds per training sample and epoch on this 2-core machine (from the
// bundled model's own training, MODEL.md): the detector, the VQ-VAE, and a
// 2 x 256 prior (an LSTM's cost grows with layers x hidden^2).
constexpr double kDetectorSample = 4e-6;
constexpr double kVqVaeSample = 1.6e-3;
constexpr double kPriorSample = 1.3e-3;

QString duration(double s)
{
    if (s < 60)
        return TrainForm::tr("%1 s").arg(qMax(1, int(s + 0.5)));
    if (s < 3600)
        return TrainForm::tr("%1 min").arg(int(s / 60 + 0.5));
    return TrainForm::tr("%1 h %2 min").arg(int(s / 3600)).arg(int(s / 60) % 60);
}

} // namespace

// The loops' time signature (method.md 10.2) and what it means for the models.
void TrainForm::makeMetreRow()
{
    metre_ = new QComboBox(this);
    metre_->setObjectName(QStringLiteral("trainMetre"));
    metre_->addItem(tr("4/4 (the models' metre)"), QStringLiteral("4/4"));
    for (const char* m : {"3/4", "6/8", "5/4", "7/8", "12/8"})
        metre_->addItem(QString::fromLatin1(m), QString::fromLatin1(m));
    metre_->setToolTip(tr("The time signature of the library's loops to learn from; loops in other metres are left out"));
    metreNote_ = new QLabel(this);
    metreNote_->setObjectName(QStringLiteral("trainMetreNote"));
    metreNote_->setWordWrap(true);
    metreNote_->setStyleSheet(QStringLiteral("color: palette(mid)"));

}

// The detector's data: keep the bundled one (the default, and why), a folder, or the loops above.
void TrainForm::makeDetectorRow()
{
    detector_ = new QComboBox(this);
    detector_->setObjectName(QStringLiteral("trainDetectorData"));
    detector_->setToolTip(tr("What a new loop detector learns from, when one is trained"));
    detector_->addItem(tr("Keep the bundled detector"), int(DetectorSource::KeepBundled));
    detector_->addItem(tr("A folder of loop files (one loop per file)"), int(DetectorSource::Folder));
    detector_->addItem(tr("The loops chosen above"), int(DetectorSource::SameLoops));
    detectorWhy_ = new QLabel(tr("The detector should learn from known loops, as the paper's did. Trained on the windows "
                                 "of whole songs it learns what is typical rather than what repeats, so keep the bundled "
                                 "one unless you have a folder of loop files."),
                              this);
    detectorWhy_->setObjectName(QStringLiteral("detectorWhy"));
    detectorWhy_->setWordWrap(true);
    detectorWhy_->setStyleSheet(QStringLiteral("color: palette(mid)"));

}

TrainForm::TrainForm(QWidget* parent) : QWidget(parent)
{
    what_ = new QComboBox(this);
    what_->setObjectName(QStringLiteral("trainWhat"));
    what_->addItem(tr("All three, in order"), QStringLiteral("all"));
    what_->addItem(tr("Loop detector"), QStringLiteral("detector"));
    what_->addItem(tr("VQ-VAE"), QStringLiteral("vqvae"));
    what_->addItem(tr("Prior (on the active model's VQ-VAE)"), QStringLiteral("prior"));
    what_->addItem(tr("CNN-VAE (the paper's baseline)"), QStringLiteral("cnnvae"));
    what_->setToolTip(tr("The networks to train into a new model. The others are copied from the active model."));

    loops_ = new QComboBox(this);
    loops_->setObjectName(QStringLiteral("trainLoops"));
    loops_->addItem(tr("Loops under the detector's threshold"), int(LoopSource::UnderThreshold));
    loops_->addItem(tr("All mined loops"), int(LoopSource::AllMined));
    loops_->addItem(tr("The loops panel's filtered selection"), int(LoopSource::Selection));
    loops_->addItem(tr("A folder of loop files"), int(LoopSource::Folder));
    loops_->addItem(tr("Kept generated loops"), int(LoopSource::Generated));
    loops_->setToolTip(tr("What the VQ-VAE and the prior learn from (the paper: mined loops under the detector's threshold)"));
    setGeneratedLoopsAvailable(false); // until the library has some

    makeDetectorRow();
    makeMetreRow();
    folder_ = new QLineEdit(this);
    folder_->setObjectName(QStringLiteral("trainFolder"));
    folder_->setPlaceholderText(tr("folder of loop files (MIDI or audio)"));
    browse_ = new QPushButton(tr("Browse…"), this);
    browse_->setToolTip(tr("Choose the folder of loop files to learn from"));
    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("A folder of loop files"));
        if (!d.isEmpty())
            folder_->setText(d);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse_);

    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("trainName"));
    name_->setText(tr("model %1").arg(QDate::currentDate().toString(Qt::ISODate)));
    name_->setToolTip(tr("The new model's name (a number is added when it is taken)"));

    auto* form = new QFormLayout;
    settings_ = form;
    form->addRow(tr("Train"), what_);
    form->addRow(tr("Loops"), loops_);
    form->addRow(tr("Metre"), metre_);
    form->addRow(QString(), metreNote_);
    form->addRow(tr("Detector data"), detector_);
    form->addRow(QString(), detectorWhy_);
    form->addRow(tr("Folder"), folderRow);
    form->addRow(tr("Name"), name_);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const ml::ModelSetSettings d = ml::firstModelSetSettings(); // a first model set in minutes, not hours
    addSpin(QStringLiteral("detectorEpochs"), tr("Detector epochs"), 1, 100000, d.detector.autoencoderEpochs,
            tr("Epochs of each detector phase: the autoencoder, then Deep SVDD"));
    addSpin(QStringLiteral("vqvaeEpochs"), tr("VQ-VAE epochs"), 1, 100000, d.vqvae.epochs, tr("Passes over the loops for the VQ-VAE"));
    addSpin(QStringLiteral("priorEpochs"), tr("Prior epochs"), 1, 100000, d.prior.epochs, tr("Passes over the code sequences for the prior"));
    addSpin(QStringLiteral("cnnvaeEpochs"), tr("CNN-VAE epochs"), 1, 100000, d.vqvae.epochs,
            tr("Passes over the loops for the CNN-VAE baseline (beta rises from 0 to 1 over the first half)"));
    addSpin(QStringLiteral("batch"), tr("Batch size"), 1, 65536, d.vqvae.batch, tr("Loops per optimiser step (smaller: more steps per epoch)"));
    lr_ = new QDoubleSpinBox(this);
    lr_->setObjectName(QStringLiteral("lr"));
    lr_->setDecimals(6);
    lr_->setRange(1e-6, 1.0);
    lr_->setSingleStep(1e-4);
    lr_->setValue(d.vqvae.lr);
    lr_->setToolTip(tr("AdamW's learning rate at the start of each phase (cosine annealing to 5e-6)"));
    form->addRow(tr("Learning rate"), lr_);
    addSpin(QStringLiteral("codes"), tr("Codebook size"), 2, 65536, d.vqvae.codes, tr("K, the VQ-VAE's number of codes (the paper: 512)"));
    addSpin(QStringLiteral("layers"), tr("Prior layers"), 1, 16, d.prior.layers, tr("LSTM layers of the prior (the paper: 4)"));
    addSpin(QStringLiteral("hidden"), tr("Prior hidden size"), 8, 4096, d.prior.hidden, tr("LSTM width of the prior (the paper: 512)"));
    addSpin(QStringLiteral("seed"), tr("Seed"), 0, 1 << 30, 1, tr("The same seed, data and settings on one thread give the same model"));
    addSpin(QStringLiteral("threads"), tr("Threads"), 1, 1024, std::max(1, cores - 1),
            tr("CPU threads for training; one core stays free for the window"));

    estimate_ = new QLabel(this);
    estimate_->setObjectName(QStringLiteral("trainEstimate"));
    estimate_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(estimate_);
    layout->addStretch(1);

    for (QComboBox* c : {what_, loops_, detector_, metre_})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
            updateEnabled();
            updateEstimate();
        });
    for (QSpinBox* s : spins_)
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &TrainForm::updateEstimate);
    updateEnabled();
}

QSpinBox* TrainForm::addSpin(const QString& name, const QString& label, int min, int max, int value, const QString& tip)
{
    auto* s = new QSpinBox(this);
    s->setObjectName(name);
    s->setRange(min, max);
    s->setValue(value);
    s->setToolTip(tip);
    settings_->addRow(label, s);
    spins_.push_back(s);
    return s;
}

QSpinBox* TrainForm::spin(const QString& objectName) const
{
    for (QSpinBox* s : spins_)
        if (s->objectName() == objectName)
            return s;
    return nullptr;
}

void TrainForm::setSession(LibrarySession* session)
{
    session_ = session;
    connect(session, &LibrarySession::opened, this, &TrainForm::updateEstimate);
    connect(session, &LibrarySession::contentChanged, this, &TrainForm::updateEstimate);
    connect(session, &LibrarySession::scoresChanged, this, &TrainForm::updateEstimate);
    updateEstimate();
}

void TrainForm::setGeneratedLoopsAvailable(bool on)
{
    auto* model = qobject_cast<QStandardItemModel*>(loops_->model());
    const int row = loops_->findData(int(LoopSource::Generated));
    if (!model || row < 0)
        return;
    QStandardItem* item = model->item(row);
    item->setEnabled(on);
    item->setToolTip(on ? tr("Loops generated and kept in this library")
                        : tr("No generated loops are kept in this library yet (the Generate tab keeps them)"));
}

void TrainForm::updateEnabled()
{
    const QString w = what_->currentData().toString();
    const bool detector = w == QLatin1String("all") || w == QLatin1String("detector");
    detector_->setEnabled(detector);
    const bool folder = loops_->currentData().toInt() == int(LoopSource::Folder)
                        || (detector && detector_->currentData().toInt() == int(DetectorSource::Folder));
    folder_->setEnabled(folder);
    browse_->setEnabled(folder);
    loops_->setEnabled(w != QLatin1String("detector"));
}

// The models are 4/4 (method.md 10.2): say which loops that leaves out, or
// what another metre can train.
void TrainForm::updateMetreNote(const TrainRequest& r)
{
    LibraryDb* db = session_ ? session_->db() : nullptr;
    int64_t others = 0;
    if (db) {
        LoopQuery all, same;
        all.source = same.source = LoopQuery::Source::Mined;
        same.metre = r.metre;
        others = db->countLoops(all) - db->countLoops(same);
    }
    const QString m = QString::fromStdString(r.metre);
    QString text = r.metre == "4/4"
        ? tr("The models are 4/4 (8 bars of 16 steps): they learn the library's 4/4 loops only.")
        : tr("Only the detector learns %1 loops (it reads bar correlations, which any metre gives); the VQ-VAE and "
             "the prior are 4/4 and refuse them: train the detector alone.").arg(m);
    if (others > 0)
        text += QLatin1Char(' ')
            + (others == 1 ? tr("1 mined loop in another metre is left out.")
                           : tr("%1 mined loops in other metres are left out.").arg(others));
    metreNote_->setText(text);
}

TrainRequest TrainForm::request() const
{
    TrainRequest r;
    const QString w = what_->currentData().toString();
    if (w == QLatin1String("all"))
        r.parts = {"detector", "vqvae", "prior"};
    else
        r.parts = {w.toStdString()};
    r.loops = LoopSource(loops_->currentData().toInt());
    r.detector = DetectorSource(detector_->currentData().toInt());
    if (r.loops == LoopSource::Selection && selection_)
        r.selection = selection_();
    r.folder = folder_->text().trimmed().toStdString();
    r.detectorEpochs = spin(QStringLiteral("detectorEpochs"))->value();
    r.vqvaeEpochs = spin(QStringLiteral("vqvaeEpochs"))->value();
    r.priorEpochs = spin(QStringLiteral("priorEpochs"))->value();
    r.cnnvaeEpochs = spin(QStringLiteral("cnnvaeEpochs"))->value();
    r.batch = spin(QStringLiteral("batch"))->value();
    r.lr = lr_->value();
    r.codes = spin(QStringLiteral("codes"))->value();
    r.layers = spin(QStringLiteral("layers"))->value();
    r.hidden = spin(QStringLiteral("hidden"))->value();
    r.seed = uint64_t(spin(QStringLiteral("seed"))->value());
    r.threads = spin(QStringLiteral("threads"))->value();
    r.metre = metre_->currentData().toString().toStdString();
    return r;
}

QString TrainForm::modelName() const { return name_->text().trimmed(); }

int64_t TrainForm::loopCount() const
{
    LibraryDb* db = session_ ? session_->db() : nullptr;
    if (!db)
        return 0;
    LoopQuery q;
    q.source = LoopQuery::Source::Mined;
    switch (LoopSource(loops_->currentData().toInt())) {
    case LoopSource::UnderThreshold:
        q.maxScore = db->loopThreshold();
        break;
    case LoopSource::Selection:
        if (selection_)
            q = selection_();
        break;
    case LoopSource::Generated:
        q.source = LoopQuery::Source::Generated;
        break;
    default:
        break;
    }
    if (q.source != LoopQuery::Source::Generated)
        q.metre = metre_->currentData().toString().toStdString(); // only the chosen metre's loops are learnt
    return db->countLoops(q);
}

double TrainForm::estimateSeconds(const std::vector<std::string>& parts) const
{
    const TrainRequest r = request();
    const double loops = double(loopCount());
    const double windows = session_ && session_->db() ? double(session_->db()->counts().windowsKept) : 0.0;
    const double prior = kPriorSample * double(r.layers) * r.hidden * r.hidden / (2.0 * 256 * 256) + 2e-4;
    double s = 0;
    for (const std::string& p : parts) {
        if (p == "detector" && r.detector != DetectorSource::KeepBundled)
            s += 2.0 * r.detectorEpochs * windows * kDetectorSample;
        else if (p == "vqvae")
            s += r.vqvaeEpochs * loops * 0.8 * kVqVaeSample;
        else if (p == "prior")
            s += r.priorEpochs * loops * 0.95 * prior;
        else if (p == "cnnvae") // the VQ-VAE's encoder and decoder: about its cost
            s += r.cnnvaeEpochs * loops * 0.8 * kVqVaeSample;
    }
    return s * 2.0 / std::min(2, std::max(1, r.threads)); // the figures above are for 2 threads
}

void TrainForm::updateEstimate()
{
    if (LibraryDb* db = session_ ? session_->db() : nullptr) {
        LoopQuery generated;
        generated.source = LoopQuery::Source::Generated;
        setGeneratedLoopsAvailable(db->countLoops(generated) > 0);
    }
    const TrainRequest r = request();
    const int64_t loops = loopCount();
    updateMetreNote(r);
    QString text = tr("About %1 on this machine").arg(duration(estimateSeconds(r.parts)));
    if (r.loops == LoopSource::Folder)
        text += tr(" (for the library's loop count; a folder's loops are counted when it starts)");
    else
        text += tr(" for %n loop(s)", nullptr, int(loops));
    estimate_->setText(text + QLatin1Char('.'));
}

} // namespace lm::ui
