#pragma once
// Shared helpers for the config tests.
#include <doctest/doctest.h>

#include "framework/config/config_error.h"

namespace mann::testing {

// Runs `fn`, expecting a ConfigError, and returns it for inspection.
template <class Fn>
ConfigError catch_config_error(Fn&& fn) {
  try {
    fn();
  } catch (const ConfigError& e) {
    return e;
  }
  FAIL("expected a ConfigError");
  throw;  // unreachable: FAIL throws
}

}  // namespace mann::testing
