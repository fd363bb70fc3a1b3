#pragma once
// Small helpers for writing component specs whose defaults come from the options structs themselves, so a
// default is stated once (in the struct) and `mann list` shows the same value the code uses.
#include <sstream>
#include <string>
#include <vector>

#include "framework/config/config_view.h"
#include "framework/config/schema.h"
#include "framework/util/enum_names.h"

namespace mann {

template <class T>
std::string default_text(const T& value) {
  std::ostringstream out;
  if constexpr (std::is_same_v<T, bool>)
    out << (value ? "true" : "false");
  else if constexpr (std::is_same_v<T, std::string>)
    out << (value.empty() ? "''" : value);
  else
    out << value;
  return out.str();
}

template <class T>
OptionSpec option(std::string name, std::string type, const T& default_value, std::string doc) {
  return OptionSpec{std::move(name), std::move(type), default_text(default_value), false, std::move(doc)};
}

// A string option that takes one of a fixed set of values (listed by `mann list`).
inline OptionSpec choice_option(std::string name, std::string default_value, std::vector<std::string> choices,
                                std::string doc) {
  OptionSpec spec = option(std::move(name), "string", default_value, std::move(doc));
  spec.choices = std::move(choices);
  return spec;
}

// An option naming a value of enum E: its choices are E's spellings (framework/util/enum_names.h) and its
// default is the C++ value, normally the options struct's own member default, so it is written once. Read
// it with ConfigView::get<E>.
template <NamedEnum E>
OptionSpec enum_option(std::string name, E default_value, std::string doc) {
  return choice_option(std::move(name), std::string(enum_name(default_value)), enum_spellings<E>(),
                       std::move(doc));
}

inline OptionSpec required_option(std::string name, std::string type, std::string doc) {
  return OptionSpec{std::move(name), std::move(type), "", true, std::move(doc)};
}

}  // namespace mann
