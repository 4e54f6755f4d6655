#pragma once
// One description of a settings struct: each field's JSON key, its
// command-line option and its allowed range. The model files' headers (and so
// a checkpoint's resume check), the loaders' range checks and the CLI's
// options all read the same table, instead of each writing the fields out.
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <string>
#include <variant>
#include <vector>

namespace lm {

template <class S>
struct SettingField {
    const char* key;                                        // in JSON
    const char* option;                                     // the CLI's --option; "" where none
    std::variant<int S::*, double S::*, std::string S::*> member;
    double min = 1, max = 0;                                // numbers only; min > max (the default): unchecked
};

template <class S>
using SettingFields = std::vector<SettingField<S>>;

namespace settingfields {
template <class S> void put(QJsonObject& o, const char* key, const S& s, int S::*m) { o[key] = s.*m; }
template <class S> void put(QJsonObject& o, const char* key, const S& s, double S::*m) { o[key] = s.*m; }
template <class S> void put(QJsonObject& o, const char* key, const S& s, std::string S::*m)
{
    o[key] = QString::fromStdString(s.*m);
}
// A key that is missing (or of another type) keeps the value there is.
template <class S> void get(const QJsonValue& v, S& s, int S::*m) { s.*m = v.toInt(s.*m); }
template <class S> void get(const QJsonValue& v, S& s, double S::*m) { s.*m = v.toDouble(s.*m); }
template <class S> void get(const QJsonValue& v, S& s, std::string S::*m)
{
    s.*m = v.toString(QString::fromStdString(s.*m)).toStdString();
}
template <class S> double number(const S& s, int S::*m) { return double(s.*m); }
template <class S> double number(const S& s, double S::*m) { return s.*m; }
template <class S> double number(const S&, std::string S::*) { return 0; }
inline std::string text(double v) { return QString::number(v).toStdString(); }
} // namespace settingfields

template <class S>
QJsonObject settingsToJson(const S& s, const SettingFields<S>& fields)
{
    QJsonObject o;
    for (const SettingField<S>& f : fields)
        std::visit([&](auto m) { settingfields::put(o, f.key, s, m); }, f.member);
    return o;
}

// Fields missing from `o` keep the defaults' values.
template <class S>
S settingsFromJson(const QJsonObject& o, const SettingFields<S>& fields, const S& defaults = S{})
{
    S s = defaults;
    for (const SettingField<S>& f : fields)
        std::visit([&](auto m) { settingfields::get(o[f.key], s, m); }, f.member);
    return s;
}

// The first number outside its range, as "layers 40 is not in 1..16"; "" when all are in range.
template <class S>
std::string settingOutOfRange(const S& s, const SettingFields<S>& fields)
{
    for (const SettingField<S>& f : fields) {
        if (f.min > f.max)
            continue;
        const double v = std::visit([&](auto m) { return settingfields::number(s, m); }, f.member);
        if (!(v >= f.min && v <= f.max))
            return std::string(f.key) + " " + settingfields::text(v) + " is not in " + settingfields::text(f.min) + ".."
                + settingfields::text(f.max);
    }
    return {};
}

} // namespace lm
