#pragma once
// Reading a named enum (framework/util/enum_names.h) from text or from a config value, with the choices
// and the nearest one in the error.
#include <string_view>

#include "framework/autodiff/errors.h"
#include "framework/config/choices.h"
#include "framework/config/config_node.h"
#include "framework/util/enum_names.h"

namespace mann {

// The value spelled `text`; a UserError listing the spellings and suggesting the nearest otherwise.
template <NamedEnum E>
E parse_enum(std::string_view text) {
  if (const std::optional<E> value = find_enum<E>(text)) return *value;
  throw UserError(unknown_choice_message(EnumNames<E>::noun, text, enum_spellings<E>()));
}

// The value a config scalar spells; a ConfigError at the value (file, line, key, the choices, the nearest
// one) otherwise, worded as the validator words a string option's choices.
template <NamedEnum E>
E parse_enum(const ConfigNode& value) {
  check_one_of(value, enum_spellings<E>());
  return *find_enum<E>(value.text());
}

}  // namespace mann
