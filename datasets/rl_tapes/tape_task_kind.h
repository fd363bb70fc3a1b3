#pragma once
// The five tasks of Zaremba & Sutskever 2015, "Reinforcement Learning Neural Turing Machines" (section 6):
// what is written on the input tape and what the output tape must receive.
#include <string_view>

#include "framework/util/enum_names.h"

namespace mann {

// With x = x_1..x_C random symbols and the end marker E:
//   Copy              input x,                        output x E
//   DuplicatedInput   each x_i written `duplicates` times, output x E
//   Reverse           input x,                        output x_C..x_1 E
//   ForwardReverse    as Reverse, with an input head that cannot move back (the memory tape must reverse)
//   RepeatCopy        input m x (m a symbol),         output x repeated m times, then E
enum class TapeTaskKind { Copy, DuplicatedInput, Reverse, ForwardReverse, RepeatCopy };

template <>
struct EnumNames<TapeTaskKind> {
  static constexpr std::string_view noun = "tape task";
  static constexpr auto entries =
      std::to_array<EnumEntry<TapeTaskKind>>({{TapeTaskKind::Copy, "copy"},
                                              {TapeTaskKind::DuplicatedInput, "duplicated_input"},
                                              {TapeTaskKind::Reverse, "reverse"},
                                              {TapeTaskKind::ForwardReverse, "forward_reverse"},
                                              {TapeTaskKind::RepeatCopy, "repeat_copy"}});
};

}  // namespace mann
