// One kept window by its id: what an export of the mined loop "m<id>" starts from.
#include "LibraryDb.h"

namespace lm {

std::optional<WindowRecord> LibraryDb::keptWindow(int64_t windowId)
{
    std::optional<WindowRecord> out;
    Statement st(db(), "SELECT w.id,f.path,f.kind,w.start_bar,w.correlation,w.loop_score,w.metre,"
                       "w.bar_steps,w.period FROM windows w "
                       "JOIN files f ON f.id=w.file_id WHERE w.id=? AND w.kept=1");
    st.bind(1, windowId);
    if (!readRows(st, "cannot read a window", [&](const Statement& row) {
            WindowRecord r;
            r.id = row.int64(0);
            r.path = row.text(1);
            r.kind = row.text(2);
            r.startBar = row.int64(3);
            row.blobInto(4, r.correlation.data(), sizeof(double) * r.correlation.size()); // zeros when damaged
            r.loopScore = row.optionalReal(5);
            r.metre = row.text(6);
            r.barSteps = row.int32(7);
            if (const auto p = row.optionalReal(8))
                r.period = int(*p);
            out = std::move(r);
        }))
        out.reset();
    return out;
}

} // namespace lm
