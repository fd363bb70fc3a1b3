#pragma once
// The current time as written into checkpoints and run records.
#include <string>

namespace mann {

/// Now, in UTC, as ISO 8601 to the second: "2026-12-07T06:30:00Z".
std::string utc_now_iso8601();

}  // namespace mann
