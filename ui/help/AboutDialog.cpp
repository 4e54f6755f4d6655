#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lm::ui {

QString AboutDialog::version() { return QStringLiteral(LOOPMINER_VERSION); }

std::vector<AboutDialog::Dependency> AboutDialog::dependencies()
{
    // The licence of each as /usr/share/doc/<package>/copyright says (Debian 12).
    return {
        {QStringLiteral("Qt 6 (Core, GUI, Widgets, Multimedia)"), tr("LGPL-3 or GPL-2"), tr("the window")},
        {QStringLiteral("Qt Charts"), tr("GPL-3+"), tr("the training curves")},
        {QStringLiteral("LibTorch (PyTorch 1.13)"), tr("BSD-3-Clause"), tr("the models")},
        {QStringLiteral("Gloo"), tr("BSD-3-Clause"), tr("training on several machines")},
        {QStringLiteral("OpenBLAS"), tr("BSD-3-Clause"), tr("LibTorch's matrix arithmetic")},
        {QStringLiteral("oneDNN"), tr("Apache-2.0"), tr("LibTorch's CPU kernels")},
        {QStringLiteral("SLEEF"), tr("BSL-1.0"), tr("LibTorch's vector maths")},
        {QStringLiteral("XNNPACK, pthreadpool, cpuinfo"), tr("BSD-3-Clause, BSD-2-Clause, BSD-2-Clause"), tr("LibTorch's CPU support")},
        {QStringLiteral("Protocol Buffers, glog, gflags"), tr("BSD-3-Clause"), tr("LibTorch's support libraries")},
        {QStringLiteral("libsndfile"), tr("LGPL-2.1+"), tr("reading and writing audio files")},
        {QStringLiteral("libsamplerate"), tr("BSD-2-Clause"), tr("resampling audio")},
        {QStringLiteral("FFTW 3"), tr("GPL-2+"), tr("audio spectra")},
        {QStringLiteral("aubio"), tr("GPL-3+"), tr("beat tracking")},
        {QStringLiteral("RtMidi"), tr("MIT-style"), tr("MIDI output")},
        {QStringLiteral("JACK (libjack)"), tr("LGPL-2.1+"), tr("MIDI ports under JACK")},
        {QStringLiteral("FluidSynth"), tr("LGPL-2.1+"), tr("the built-in synth")},
        {QStringLiteral("FluidR3_GM sound font"), tr("MIT"), tr("the built-in synth's sounds")},
        {QStringLiteral("SQLite"), tr("public domain"), tr("the library file")},
        // What Debian's LibTorch links in turn.
        {QStringLiteral("OpenCV"), tr("Apache-2.0 and BSD-3-Clause"), tr("linked by LibTorch")},
        {QStringLiteral("FFmpeg (libavcodec, libavformat, ...)"), tr("LGPL-2.1+"), tr("linked by LibTorch")},
        {QStringLiteral("ONNX"), tr("Expat (MIT)"), tr("linked by LibTorch")},
        {QStringLiteral("TensorPipe, LevelDB, Snappy"), tr("BSD-3-Clause"), tr("linked by LibTorch")},
        {QStringLiteral("ZeroMQ"), tr("LGPL-3+ with a static linking exception"), tr("linked by LibTorch")},
        {QStringLiteral("LMDB"), tr("OpenLDAP-2.8"), tr("linked by LibTorch")},
    };
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About loopminer"));
    auto* heading = new QLabel(tr("<h2>loopminer %1</h2>"
                                  "<p>Finds the loops in MIDI and audio collections, learns from them and generates new ones.</p>"
                                  "<p>Free software under the GNU General Public License, version 3 or later (GPL-3+). "
                                  "Built with Qt %2, running on Qt %3.</p>"
                                  "<p>Built on these libraries:</p>")
                                   .arg(version(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                               this);
    heading->setObjectName(QStringLiteral("aboutText"));
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const std::vector<Dependency> deps = dependencies();
    table_ = new QTableWidget(int(deps.size()), 3, this);
    table_->setObjectName(QStringLiteral("dependencyTable"));
    table_->setHorizontalHeaderLabels({tr("Library"), tr("Licence"), tr("Used for")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus); // Close keeps the focus: Escape and Enter close
    table_->setWordWrap(false);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    for (int r = 0; r < int(deps.size()); ++r) {
        table_->setItem(r, 0, new QTableWidgetItem(deps[size_t(r)].name));
        table_->setItem(r, 1, new QTableWidgetItem(deps[size_t(r)].licence));
        table_->setItem(r, 2, new QTableWidgetItem(deps[size_t(r)].use));
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);
    auto* where = new QLabel(tr("Each library's full licence: /usr/share/doc/<package>/copyright"), this);
    where->setTextFormat(Qt::PlainText); // "<package>" is no tag
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* qt = buttons->addButton(tr("About Qt"), QDialogButtonBox::HelpRole);
    qt->setObjectName(QStringLiteral("aboutQtButton"));
    qt->setToolTip(tr("Qt's version and licence"));
    connect(qt, &QPushButton::clicked, qApp, &QApplication::aboutQt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(table_, 1);
    layout->addWidget(where);
    layout->addWidget(buttons);
    resize(780, 700); // every row without scrolling, within a 1280 x 800 screen
}

} // namespace lm::ui
