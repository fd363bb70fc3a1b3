#pragma once
// A value that must be one of a fixed set of names (the choices of a string option, the spellings of a
// named enum): the check and its wording, shared so that the validator and the enum readers say the same.
#include <string>
#include <string_view>
#include <vector>

#include "framework/config/config_node.h"

namespace mann {

// Throws a ConfigError at `value` unless it is a scalar spelled like one of `choices`; the message lists
// them and suggests the nearest: "must be one of valid, test, got `vaild`; did you mean `valid`?".
void check_one_of(const ConfigNode& value, const std::vector<std::string>& choices);

// The same for a name that comes from no file, as the text of a UserError:
// "unknown recurrent cell `lstn`: must be one of lstm, gru; did you mean `lstm`?".
std::string unknown_choice_message(std::string_view noun, std::string_view text,
                                   const std::vector<std::string>& choices);

}  // namespace mann
