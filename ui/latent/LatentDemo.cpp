#include "LatentDemo.h"

#include "InterpolationStrip.h"
#include "LatentPanel.h"
#include "MapPanel.h"
#include "ui/LoopsPanel.h"
#include "ui/MainWindow.h"
#include "ui/models/LoopsTableModel.h"

#include <QComboBox>
#include <QPushButton>
#include <QTableView>

namespace lm::ui {

bool startLatentDemo(MainWindow& w, const QString& what)
{
    if (what == QLatin1String("map") || what == QLatin1String("map-tsne")) {
        w.showPanel(QStringLiteral("map"));
        if (what == QLatin1String("map-tsne"))
            w.mapPanel()->methodBox()->setCurrentIndex(1);
        w.mapPanel()->build();
        return true;
    }
    if (what != QLatin1String("explore"))
        return false;
    QAbstractItemModel* m = w.loopsPanel()->table()->model();
    const int rows = m->rowCount();
    if (rows < 2)
        return true;
    auto idAt = [m](int row) { return LoopId::parse(m->index(row, 0).data(LoopsTableModel::LoopIdRole).toString().toStdString()); };
    const auto a = idAt(0), b = idAt(rows - 1);
    if (!a || !b)
        return true;
    LatentPanel* p = w.latentPanel();
    w.showPanel(QStringLiteral("explore"));
    p->setCurrentLoop(*b);
    p->setBButton()->click();
    p->setCurrentLoop(*a);
    p->setAButton()->click();
    QObject::connect(p, &LatentPanel::interpolated, p, [p] {
        p->strip()->setCurrent(3);
        p->findSimilar();
    }, Qt::SingleShotConnection);
    p->interpolate();
    return true;
}

} // namespace lm::ui
