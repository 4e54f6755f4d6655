#pragma once
// The words the piece view shows about a piece: its one-line summary and,
// when there is no matrix to draw, why.
#include "core/library/PieceDisplay.h"

#include <QCoreApplication>
#include <QString>

namespace lm::ui {

class PieceText {
    Q_DECLARE_TR_FUNCTIONS(PieceText)
public:
    // "<b>groove.mid</b> — 41 bars, 4/4, 137.0 BPM, tpq 960, 34 of 34 windows kept"
    static QString summary(const PieceDisplay& d);
    // What the empty matrix says (why there are no bars), or "" when there is a matrix.
    static QString empty(const PieceDisplay& d);
    static QString metre(const PieceAnalysis& a);
    // Why a usable piece keeps none of its windows (method.md 2), or "".
    static QString noWindowReason(const std::vector<WindowInfo>& windows);
    // Issue 19 (MatrixText.cpp): which matrix is shown, and why (next to the matrix).
    // "no bass part: the matrix shows all parts; no loops are mined from this file"
    static QString matrixTitle(const PieceDisplay& d, bool allParts);
    static QString matrixReason(const PieceDisplay& d, bool allParts);
    static QString unusableReason(const PieceAnalysis& a); // "no bass part (...)"
};

} // namespace lm::ui
