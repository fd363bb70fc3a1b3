#pragma once
// The question files of DeepMind's CNN / Daily Mail reading comprehension data (rc-data, Hermann et al.
// 2015): one question per `.question` file, already anonymised:
//
//   URL
//   <blank>
//   document tokens (one line)
//   <blank>
//   query tokens, one of them @placeholder
//   <blank>
//   answer (@entityN)
//   <blank>
//   @entityN:Name        (one line per entity)
//
// Files live in <data_dir>/<corpus>/questions/{training,validation,test}/*.question (corpus "cnn" or
// "dailymail"), as the rc-data scripts write them.
#include <istream>
#include <string>
#include <vector>

#include "datasets/reading/cloze_example.h"

namespace mann {

// One question; `source` names the input in errors. Throws UserError naming the line and what is wrong
// (missing blank line, no @placeholder, an answer that is not an entity of the document, a bad entity line).
ClozeText parse_question_file(std::istream& in, const std::string& source);
ClozeText read_question_file(const std::string& path);

// The .question files of one split ("training", "validation", "test"), sorted by name, at most
// `max_questions` (0: all). Throws UserError naming the folder looked in and where to get the data when it
// is missing or empty.
std::vector<std::string> question_files(const std::string& data_dir, const std::string& corpus,
                                        const std::string& split, int max_questions);

}  // namespace mann
