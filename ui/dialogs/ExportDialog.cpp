#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace lm::ui {

namespace {

// General MIDI's basses (programs 33-40, 0-based 32-39).
const char* const kBassNames[] = {"Acoustic Bass", "Electric Bass (finger)", "Electric Bass (pick)", "Fretless Bass",
                                  "Slap Bass 1", "Slap Bass 2", "Synth Bass 1", "Synth Bass 2"};

QString key(const char* name) { return QStringLiteral("export/") + QLatin1String(name); }

} // namespace

ExportDialog::ExportDialog(Mode mode, int count, const LoopInfo& first, QWidget* parent)
    : QDialog(parent), mode_(mode), count_(count), first_(first)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(mode == Mode::File || count == 1 ? tr("Export loop") : tr("Export %1 loops").arg(count));
    target_ = new QLineEdit(this);
    target_->setObjectName(QStringLiteral("exportTarget"));
    target_->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 44); // a path is readable
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setToolTip(mode == Mode::File ? tr("Choose the file to write") : tr("Choose the folder to write the loops into"));
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(target_, 1);
    targetRow->addWidget(browse);
    if (mode == Mode::Folder) {
        pattern_ = new QLineEdit(this);
        pattern_->setObjectName(QStringLiteral("exportPattern"));
        pattern_->setToolTip(tr("Fields: %1").arg(QString::fromStdString(exportPatternFields())));
    }
    repeat_ = new QSpinBox(this);
    repeat_->setObjectName(QStringLiteral("exportRepeat"));
    repeat_->setRange(1, LoopExportSettings::kMaxRepeat);
    repeat_->setSuffix(tr(" × 8 bars"));
    repeat_->setToolTip(tr("How many times the loop is written one after another (1 to %1)").arg(LoopExportSettings::kMaxRepeat));
    atPeriod_ = new QCheckBox(first.period && *first.period > 0 && *first.period < format::kBarsPerWindow && count == 1
                                  ? (*first.period == 1 ? tr("Cut at its period (1 bar)") : tr("Cut at its period (%1 bars)").arg(*first.period))
                                  : tr("Cut each loop at its period"),
                              this);
    atPeriod_->setObjectName(QStringLiteral("exportAtPeriod"));
    atPeriod_->setToolTip(tr("A loop that repeats every 1, 2 or 4 bars is written as those bars (repeated as asked); "
                             "one with no shorter period keeps its 8 bars"));
    useTempo_ = new QCheckBox(tr("Tempo:"), this);
    useTempo_->setObjectName(QStringLiteral("exportUseTempo"));
    useTempo_->setToolTip(tr("Off: each loop at its source's tempo"));
    tempo_ = new QDoubleSpinBox(this);
    tempo_->setObjectName(QStringLiteral("exportTempo"));
    tempo_->setRange(20, 400);
    tempo_->setDecimals(1);
    tempo_->setSuffix(tr(" BPM"));
    tempo_->setToolTip(tr("The tempo of the exported MIDI files, 20 to 400 BPM (audio cuts keep their own)"));
    program_ = new QComboBox(this);
    program_->setObjectName(QStringLiteral("exportBassProgram"));
    program_->setToolTip(tr("The General MIDI program of the bass track (33-40: the bass family)"));
    for (int i = 0; i < 8; ++i)
        program_->addItem(QStringLiteral("%1 %2").arg(33 + i).arg(QLatin1String(kBassNames[i])), 32 + i);
    drumMap_ = new QLineEdit(this);
    drumMap_->setObjectName(QStringLiteral("exportDrumMap"));
    drumMap_->setPlaceholderText(tr("General MIDI"));
    drumMap_->setClearButtonEnabled(true);
    drumMap_->setToolTip(tr("A text file of lines such as 'kick 36' or 'closed hi-hat 42'; empty: General MIDI"));
    auto* mapBrowse = new QPushButton(tr("Choose…"), this);
    mapBrowse->setToolTip(tr("Choose a drum map file for a drum plug-in that does not use General MIDI notes"));
    auto* mapRow = new QHBoxLayout;
    mapRow->addWidget(drumMap_, 1);
    mapRow->addWidget(mapBrowse);
    preview_ = new QLabel(this);
    preview_->setObjectName(QStringLiteral("exportPreview"));
    preview_->setWordWrap(true);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("exportError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c0392b"));
    error_->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(mode == Mode::File ? tr("File:") : tr("Folder:"), targetRow);
    if (pattern_)
        form->addRow(tr("Names:"), pattern_);
    form->addRow(QString(), preview_);
    form->addRow(tr("Repeat:"), repeat_);
    form->addRow(QString(), atPeriod_);
    form->addRow(useTempo_, tempo_);
    form->addRow(tr("Bass:"), program_);
    form->addRow(tr("Drum map:"), mapRow);
    if (first.audio) { // a WAV cut at the piece's own tempo: nothing of the MIDI options applies
        for (QWidget* w : std::initializer_list<QWidget*>{repeat_, useTempo_, tempo_, program_, drumMap_, mapBrowse})
            w->setEnabled(false);
        preview_->setToolTip(tr("Audio loops are cut from the file at its own rate and tempo"));
    }
    form->addRow(error_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browseTarget);
    connect(mapBrowse, &QPushButton::clicked, this, &ExportDialog::browseDrumMap);
    connect(useTempo_, &QCheckBox::toggled, tempo_, &QWidget::setEnabled);
    if (pattern_)
        connect(pattern_, &QLineEdit::textChanged, this, &ExportDialog::updatePreview);
    connect(useTempo_, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    connect(atPeriod_, &QCheckBox::toggled, this, [this](bool on) {
        LoopExportSettings s;
        s.atPeriod = on;
        updatePreview();
        repeat_->setSuffix(count_ == 1 ? (exportBars(first_, s) == 1 ? tr(" × 1 bar") : tr(" × %1 bars").arg(exportBars(first_, s))) : on ? tr(" × its bars") : tr(" × 8 bars"));
    });
    connect(tempo_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updatePreview);
    restore(first);
    updatePreview();
}

QString ExportDialog::target() const { return target_->text().trimmed(); }

void ExportDialog::restore(const LoopInfo& first)
{
    QSettings s;
    const QString folder = s.value(key("folder"), QDir::homePath()).toString();
    if (mode_ == Mode::Folder) {
        target_->setText(folder);
        pattern_->setText(s.value(key("pattern"), QString::fromLatin1(kDefaultExportPattern)).toString());
    } else {
        const std::string name = first.id.source == LoopId::Source::Generated
            ? "generated_" + first.id.text()
            : first.source + "_bars" + std::to_string(first.startBar + 1) + "-" + std::to_string(first.startBar + format::kBarsPerWindow);
        target_->setText(QDir(folder).filePath(QString::fromStdString(sanitiseFileName(name) + "." + exportExtension(first))));
    }
    repeat_->setValue(s.value(key("repeat"), 1).toInt());
    atPeriod_->setChecked(s.value(key("atPeriod"), false).toBool());
    useTempo_->setChecked(s.value(key("useTempo"), false).toBool() && !first.audio);
    // Off: the source's tempo is shown (and used); on: the tempo chosen last.
    const double source = first.tempoBpm > 0 ? first.tempoBpm : 120.0;
    tempo_->setValue(useTempo_->isChecked() ? s.value(key("tempo"), source).toDouble() : source);
    tempo_->setEnabled(useTempo_->isChecked());
    const int program = program_->findData(s.value(key("bassProgram"), 34).toInt());
    program_->setCurrentIndex(program >= 0 ? program : 2);
    drumMap_->setText(s.value(key("drumMap")).toString());
}

void ExportDialog::remember() const
{
    QSettings s;
    s.setValue(key("folder"), mode_ == Mode::Folder ? target() : QFileInfo(target()).absolutePath());
    if (pattern_)
        s.setValue(key("pattern"), pattern_->text());
    s.setValue(key("atPeriod"), atPeriod_->isChecked());
    if (first_.audio)
        return; // its options were not shown
    s.setValue(key("repeat"), repeat_->value());
    s.setValue(key("useTempo"), useTempo_->isChecked());
    s.setValue(key("tempo"), tempo_->value());
    s.setValue(key("bassProgram"), program_->currentData().toInt());
    s.setValue(key("drumMap"), drumMap_->text().trimmed());
}

LoopExportSettings ExportDialog::fromWidgets() const
{
    LoopExportSettings s;
    if (pattern_)
        s.pattern = pattern_->text().toStdString();
    s.repeat = repeat_->value();
    s.atPeriod = atPeriod_->isChecked();
    if (useTempo_->isChecked())
        s.bpm = tempo_->value();
    s.bassProgram = program_->currentData().toInt();
    return s;
}

void ExportDialog::updatePreview()
{
    LoopExportSettings s = fromWidgets();
    if (pattern_ && checkExportPattern(s.pattern)) {
        preview_->setText(tr("Fields: %1").arg(QString::fromStdString(exportPatternFields())));
        return;
    }
    if (mode_ == Mode::File) {
        preview_->setText(first_.audio ? (exportBars(first_, s) == 1 ? tr("1 bar cut from the audio file (WAV or FLAC)")
                                                       : tr("%1 bars cut from the audio file (WAV or FLAC)").arg(exportBars(first_, s))) : QString());
        preview_->setVisible(!preview_->text().isEmpty());
        return;
    }
    const QString first = QFileInfo(QString::fromStdString(exportPaths({first_}, s, "").front())).fileName();
    preview_->setText(count_ > 1 ? tr("%1, … (%2 files)").arg(first).arg(count_) : first);
}

void ExportDialog::accept()
{
    auto show = [this](const QString& text) {
        error_->setText(text);
        error_->show();
    };
    LoopExportSettings s = fromWidgets();
    if (target().isEmpty())
        return show(mode_ == Mode::File ? tr("Choose a file to export to.") : tr("Choose a folder to export to."));
    if (pattern_) {
        if (auto bad = checkExportPattern(s.pattern))
            return show(QString::fromStdString(bad->message));
    }
    const QString map = drumMap_->text().trimmed();
    if (!map.isEmpty() && !first_.audio) {
        auto read = readDrumMapFile(map.toStdString());
        if (!read)
            return show(QString::fromStdString(read.error().toString()));
        s.drums = *read;
    }
    settings_ = s;
    remember();
    QDialog::accept();
}

void ExportDialog::browseTarget()
{
    QString chosen;
    if (mode_ == Mode::Folder)
        chosen = QFileDialog::getExistingDirectory(this, tr("Export to folder"), target());
    else // the overwrite question comes later, with Replace and Cancel
        chosen = QFileDialog::getSaveFileName(this, tr("Export loop"), target(),
                                              first_.audio ? tr("Audio (*.wav *.flac)") : tr("MIDI files (*.mid)"),
                                              nullptr, QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty())
        target_->setText(chosen);
}

void ExportDialog::browseDrumMap()
{
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Drum map"), drumMap_->text(), tr("Text files (*.txt);;All files (*)"));
    if (!chosen.isEmpty())
        drumMap_->setText(chosen);
}

} // namespace lm::ui
