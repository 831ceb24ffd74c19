package records

import "slices"

// Confidence grades of an agreement record, best first, from the kinds of
// its sources: a register of ties or a signatory's own page; a report of
// the signing (news, a study, another web page); or only a list (a
// Wikipedia list, a Wikidata edge, a data set built from them). The
// methodology page defines them for readers.
const (
	GradeOfficial = "official"
	GradeReported = "reported"
	GradeList     = "list"
)

// Grades are the confidence grades, best first.
var Grades = []string{GradeOfficial, GradeReported, GradeList}

// sourceGrade is the grade a source of each kind gives the records that
// cite it.
func sourceGrade(kind string) string {
	switch kind {
	case "register", "official":
		return GradeOfficial
	case "list", "dataset":
		return GradeList
	}
	return GradeReported
}

// Grade returns the confidence grade of a: the best grade among its
// sources.
func (ix *Index) Grade(a *Agreement) string {
	best := len(Grades) - 1
	for _, c := range a.Sources {
		if s, ok := ix.Source[c.Source]; ok {
			best = min(best, slices.Index(Grades, sourceGrade(s.Kind)))
		}
	}
	return Grades[best]
}
