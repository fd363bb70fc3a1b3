#pragma once
// Numbers as text that reads back to the same value: what CSV files and reports written for other
// programs need (a default-precision stream writes 1,234,567 as "1.23457e+06").
#include <string>

namespace mann {

// Whole numbers below 2^53 in magnitude as integers ("1234567", never "1.23457e+06"); values that are
// exactly a float (most metrics are computed in float) in the shortest form that reads back to that float
// (the learning rate 0.01f as "0.01", not "0.0099999997764825821"); any other finite value in the shortest
// form that reads back to the same double; non-finite values as "nan", "inf" or "-inf".
std::string round_trip_text(double value);

}  // namespace mann
