#pragma once
// The config side of the NTM: the options of `model: {type: ntm}` and their conversion to NTMOptions and
// to the heads' addressing modules (built through the registry's kind "addressing").
#include <vector>

#include "framework/config/config_view.h"
#include "framework/config/schema.h"
#include "models/ntm/ntm_model.h"

namespace mann {

std::vector<OptionSpec> ntm_option_specs();
// Reads and checks the options (ConfigError at the offending value).
NTMOptions read_ntm_options(const ConfigView& v);
// Builds read heads from `read_addressing` and write heads from `write_addressing`. The factory reads the
// view, so it must not outlive it.
AddressingFactory ntm_addressing_from(const ConfigView& v);

}  // namespace mann
