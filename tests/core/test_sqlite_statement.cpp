// The library's one SQLite statement wrapper on an in-memory database: every
// kind of value bound, stepped and read back; reuse after reset; and every way
// a statement can fail kept with SQLite's words (and the SQL it is about)
// instead of reading as "no rows".
#include "core/library/SqliteStatement.h"

#include <QtTest>

#include <sqlite3.h>

#include <array>
#include <cstring>

using namespace lm;

namespace {

struct MemoryDb {
    MemoryDb() { sqlite3_open(":memory:", &db); }
    ~MemoryDb() { sqlite3_close(db); } // fails (SQLITE_BUSY) if a statement were left unfinalized
    sqlite3* db = nullptr;
};

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

} // namespace

class TestSqliteStatement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bindsStepsAndReadsEveryKind()
    {
        MemoryDb m;
        QVERIFY(Statement(m.db, "CREATE TABLE t (i INTEGER, n INTEGER, r REAL, s TEXT, b BLOB, o REAL, z)").run());
        Statement insert(m.db, "INSERT INTO t VALUES(?,?,?,?,?,?,?)");
        QVERIFY2(insert.ok(), insert.describe().c_str());
        const std::array<double, 3> blob{0.25, -1.5, 1e300};
        const int64_t big = int64_t(1) << 40;
        insert.bind(1, big).bind(2, 7).bind(3, 0.125).bind(4, std::string("groove_10 \xc3\xa9"));
        insert.bind(5, Blob{blob.data(), sizeof blob}).bind(6, std::optional<double>(2.5)).bind(7, nullptr);
        QCOMPARE(insert.step(), Statement::Step::Done);
        // Reused: the second row's text is a C string and its optional empty.
        insert.reset();
        insert.bind(1, int64_t(-1)).bind(2, 0).bind(3, 0.0).bind(4, "second").bind(5, nullptr);
        insert.bind(6, std::optional<double>()).bind(7, 1);
        QVERIFY2(insert.run(), insert.describe().c_str());

        Statement select(m.db, "SELECT i,n,r,s,b,o,z FROM t ORDER BY rowid");
        QCOMPARE(select.step(), Statement::Step::Row);
        QCOMPARE(select.int64(0), big);
        QCOMPARE(select.int32(1), 7);
        QCOMPARE(select.real(2), 0.125);
        QCOMPARE(select.text(3), std::string("groove_10 \xc3\xa9"));
        std::array<double, 3> back{};
        QVERIFY(select.blobInto(4, back.data(), sizeof back));
        QCOMPARE(back, blob);
        QCOMPARE(select.optionalReal(5), std::optional<double>(2.5));
        QVERIFY(select.isNull(6));
        QVERIFY(!select.optionalReal(6));
        QCOMPARE(select.step(), Statement::Step::Row);
        QCOMPARE(select.int64(0), int64_t(-1));
        QCOMPARE(select.text(3), std::string("second"));
        QVERIFY(select.isNull(4));
        QVERIFY(!select.optionalReal(5));
        QVERIFY(!select.isNull(6));
        QCOMPARE(select.step(), Statement::Step::Done);
        QVERIFY(select.ok());
        QCOMPARE(select.message(), std::string());
    }

    void blobOfAnotherSizeIsNotRead()
    {
        MemoryDb m;
        Statement st(m.db, "SELECT x'0102030405060708', NULL");
        QCOMPARE(st.step(), Statement::Step::Row);
        const Blob b = st.blob(0);
        QCOMPARE(b.bytes, size_t(8));
        std::array<double, 2> out{9, 9};
        QVERIFY(!st.blobInto(0, out.data(), sizeof out)); // 8 bytes, not 16
        QVERIFY(!st.blobInto(1, out.data(), sizeof out)); // NULL
        QCOMPARE(out, (std::array<double, 2>{9, 9}));     // untouched
        double one = 0;
        QVERIFY(st.blobInto(0, &one, sizeof one));
    }

    void badSqlIsAnErrorNamingIt()
    {
        MemoryDb m;
        Statement st(m.db, "SELEC path FROM files");
        QVERIFY(!st.ok());
        QVERIFY2(contains(st.message(), "syntax error"), st.message().c_str());
        QVERIFY2(contains(st.describe(), "SELEC path FROM files"), st.describe().c_str());
        st.bind(1, 5); // binding an unprepared statement is harmless
        QCOMPARE(st.step(), Statement::Step::Error);
        QVERIFY(contains(st.message(), "syntax error")); // the first failure is kept
        st.reset();
        QVERIFY(!st.ok()); // a failed prepare stays failed

        Statement missing(m.db, "SELECT path FROM files");
        QVERIFY(contains(missing.message(), "no such table: files"));
        Statement collation(m.db, "SELECT 'a' ORDER BY 1 COLLATE lm_natural"); // not registered here
        QVERIFY2(contains(collation.message(), "no such collation sequence: lm_natural"), collation.message().c_str());
        Statement two(m.db, "SELECT 1; SELECT 2");
        QVERIFY(contains(two.message(), "more than one statement"));
        Statement none(m.db, "  -- nothing");
        QCOMPARE(none.step(), Statement::Step::Error);
        Statement unprepared;
        QCOMPARE(unprepared.step(), Statement::Step::Error);
        QVERIFY(contains(unprepared.message(), "not prepared"));
    }

    void failedStepAndBindAreKeptThenResetForgets()
    {
        MemoryDb m;
        QVERIFY(Statement(m.db, "CREATE TABLE u (k TEXT UNIQUE)").run());
        Statement insert(m.db, "INSERT INTO u VALUES(?)");
        QVERIFY(insert.bind(1, "a").run());
        insert.reset();
        QCOMPARE(insert.bind(1, "a").step(), Statement::Step::Error);
        QVERIFY2(contains(insert.message(), "UNIQUE constraint failed: u.k"), insert.message().c_str());
        QVERIFY(insert.code() != 0);
        insert.reset();
        QVERIFY(insert.ok());
        QVERIFY2(insert.bind(1, "b").run(), insert.describe().c_str());

        insert.reset();
        insert.bind(2, "no such parameter");
        QVERIFY(!insert.ok());
        QVERIFY2(contains(insert.message(), "column index out of range"), insert.message().c_str());
        QCOMPARE(insert.step(), Statement::Step::Error); // not stepped with a bad binding
        Statement count(m.db, "SELECT count(*) FROM u");
        QCOMPARE(count.step(), Statement::Step::Row);
        QCOMPARE(count.int64(0), int64_t(2));
    }

    void movedStatementFinalizesOnce()
    {
        MemoryDb m;
        Statement a(m.db, "SELECT 42");
        Statement b(std::move(a));
        QVERIFY(!a.ok());
        QCOMPARE(b.step(), Statement::Step::Row);
        QCOMPARE(b.int32(0), 42);
        Statement c;
        c = std::move(b);
        c.reset();
        QCOMPARE(c.step(), Statement::Step::Row);
        c = Statement(m.db, "SELECT 7"); // the old one is finalized here
        QCOMPARE(c.step(), Statement::Step::Row);
        QCOMPARE(c.int32(0), 7);
        sqlite3_stmt* left = sqlite3_next_stmt(m.db, nullptr);
        QVERIFY(left && !sqlite3_next_stmt(m.db, left)); // only c's statement is alive
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "test_sqlite_statement.moc"
