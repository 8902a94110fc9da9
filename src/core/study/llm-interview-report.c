/* llm-interview-report.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A finished mock interview, as a markdown report in the data folder:
 * a table of the questions, the totals, then each answer as typed with
 * its key points ticked or not. One file per interview, named by its
 * local time, written whole or not at all. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "llm-interview-report.h"

/**
 * llm_interview_result_free:
 * @result: (type LlmInterviewResult): a result
 *
 * Frees @result and what it holds; a #GDestroyNotify for arrays of them.
 */
void
llm_interview_result_free (gpointer data)
{
  LlmInterviewResult *result = data;

  if (result == NULL)
    return;

  g_clear_object (&result->question);
  g_free (result->answer);
  g_strfreev (result->points);
  g_free (result->covered);
  g_free (result);
}

/**
 * llm_grade_get_label:
 *
 * Returns: the translated name of @grade, as the grade buttons say it
 */
const char *
llm_grade_get_label (LlmGrade grade)
{
  static const char *names[] = { NULL, N_("Again"), N_("Hard"), N_("Good"), N_("Easy") };

  g_return_val_if_fail (grade >= LLM_GRADE_AGAIN && grade <= LLM_GRADE_EASY, "");

  return _(names[grade]);
}

static char *
format_clock (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static char *
escape_cell (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);

  return g_strjoinv ("\\|", parts);
}

/**
 * llm_interview_report_format:
 * @results: (element-type LlmInterviewResult): the questions, in order
 * @when: when the interview ended
 *
 * Returns: (transfer full): the report, as markdown
 */
char *
llm_interview_report_format (GPtrArray *results,
                             GDateTime *when)
{
  g_return_val_if_fail (results != NULL, NULL);

  return llm_interview_report_format_partial (results, results->len, when);
}

/**
 * llm_interview_report_format_partial:
 * @results: (element-type LlmInterviewResult): the questions graded, in order
 * @n_asked: how many questions the interview had; more than @results
 *   when it was ended early, which the report then says
 * @when: when the interview ended
 *
 * Returns: (transfer full): the report, as markdown
 */
char *
llm_interview_report_format_partial (GPtrArray *results,
                                     guint      n_asked,
                                     GDateTime *when)
{
  g_autofree char *date = NULL;
  GString *out;
  guint total_seconds = 0, total_points = 0, total_covered = 0;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (when != NULL, NULL);

  date = g_date_time_format (when, "%Y-%m-%d %H:%M");
  out = g_string_new (NULL);

  g_string_append_printf (out, "# %s — %s\n\n", _("Mock interview"), date);
  if (n_asked > results->len)
    {
      g_string_append_printf (out, _("Ended early: %u of %u questions answered."), results->len, n_asked);
      g_string_append (out, "\n\n");
    }
  g_string_append_printf (out, "| # | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
                          _("Question"), _("Time"), _("Key points"), _("Grade"));

  for (guint i = 0; i < results->len; i++)
    {
      LlmInterviewResult *result = g_ptr_array_index (results, i);
      g_autofree char *title = escape_cell (llm_question_get_title (result->question));
      g_autofree char *clock = format_clock (result->seconds);
      guint n = g_strv_length (result->points);

      g_string_append_printf (out, "| %u | %s | %s | %u/%u | %s |\n",
                              i + 1, title, clock, result->n_covered, n, llm_grade_get_label (result->grade));
      total_seconds += result->seconds;
      total_points += n;
      total_covered += result->n_covered;
    }

  {
    g_autofree char *clock = format_clock (total_seconds);
    g_autofree char *total = NULL;

    if (total_points > 0)
      total = g_strdup_printf (_("Total: %u questions in %s, %u of %u key points covered (%u%%)."),
                               results->len, clock, total_covered, total_points,
                               total_covered * 100 / total_points);
    else
      total = g_strdup_printf (_("Total: %u questions in %s."), results->len, clock);
    g_string_append_printf (out, "\n%s\n", total);
  }

  for (guint i = 0; i < results->len; i++)
    {
      LlmInterviewResult *result = g_ptr_array_index (results, i);
      g_autofree char *clock = format_clock (result->seconds);

      g_string_append_printf (out, "\n## %u. %s\n\n", i + 1, llm_question_get_title (result->question));
      g_string_append_printf (out, "%s: %s · %s: %s · %s: %s\n\n",
                              _("Topic"), llm_question_get_topic (result->question),
                              _("Time"), clock,
                              _("Grade"), llm_grade_get_label (result->grade));
      g_string_append_printf (out, "### %s\n\n%s\n", _("My answer"),
                              result->answer[0] ? result->answer : _("(answered aloud)"));
      if (result->points[0] != NULL)
        {
          g_string_append_printf (out, "\n### %s\n\n", _("Key points"));
          for (guint j = 0; result->points[j]; j++)
            g_string_append_printf (out, "- [%c] %s\n", result->covered[j] ? 'x' : ' ', result->points[j]);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * llm_interview_report_write:
 * @dir: the folder of reports; created if missing
 * @when: when the interview ended, which names the file
 * @report: the report's text
 *
 * Writes @report as `YYYY-MM-DD-HHMMSS.md` in @dir, atomically and
 * durably: a crash leaves the whole file or none (and perhaps a temporary
 * file beside it). A second interview ending in the same second gets
 * `-2`, `-3`, … rather than replacing the first.
 *
 * Returns: (transfer full) (nullable): the path written, or %NULL on error
 */
char *
llm_interview_report_write (const char  *dir,
                            GDateTime   *when,
                            const char  *report,
                            GError     **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }

  stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (stamp, ".md", NULL)
                                     : g_strdup_printf ("%s-%u.md", stamp, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }

  if (!g_file_set_contents_full (path, report, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* "m:ss" or "h:mm:ss" to seconds. */
static gboolean
parse_clock (const char *text,
             guint      *seconds)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint total = 0;
  guint n = g_strv_length (parts);

  if (n < 2 || n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint64 v;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 0, G_MAXUINT16, &v, NULL))
        return FALSE;
      total = total * 60 + (guint)v;
    }

  *seconds = total;
  return TRUE;
}

/**
 * llm_interview_report_summarize:
 * @report: a report as llm_interview_report_format() writes it
 * @summary: (out caller-allocates): its totals
 *
 * Reads the totals back from the report's table (whose numbers are not
 * translated, unlike the sentences around it), for the list of past
 * interviews.
 *
 * Returns: whether @report has a table of questions
 */
gboolean
llm_interview_report_summarize (const char                *report,
                                LlmInterviewReportSummary *summary)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  lines = g_strsplit (report, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      guint seconds, covered, points;
      guint64 number;

      if (!g_str_has_prefix (lines[i], "| "))
        continue;
      /* Titles have their bars escaped; split on unescaped ones only. */
      {
        GString *line = g_string_new (lines[i]);

        g_string_replace (line, "\\|", "\x01", 0);
        cells = g_strsplit (line->str, "|", -1);
        g_string_free (line, TRUE);
      }
      if (g_strv_length (cells) != 7)
        continue;
      if (!g_ascii_string_to_unsigned (g_strstrip (cells[1]), 10, 1, G_MAXUINT, &number, NULL))
        continue;
      if (!parse_clock (g_strstrip (cells[3]), &seconds) ||
          sscanf (g_strstrip (cells[4]), "%u/%u", &covered, &points) != 2)
        continue;

      summary->n_questions++;
      summary->seconds += seconds;
      summary->n_covered += covered;
      summary->n_points += points;
    }

  return summary->n_questions > 0;
}

void
llm_interview_report_row_free (gpointer data)
{
  LlmInterviewReportRow *row = data;

  g_free (row->title);
  g_free (row->grade);
  g_free (row->answer);
  g_strfreev (row->points);
  g_free (row->covered);
  g_free (row);
}

/* A table row's cells, split on unescaped bars, or NULL for any other
 * line. */
static GStrv
split_table_row (const char *line)
{
  GString *text;
  GStrv cells;

  if (!g_str_has_prefix (line, "| "))
    return NULL;

  text = g_string_new (line);
  g_string_replace (text, "\\|", "\x01", 0);
  cells = g_strsplit (text->str, "|", -1);
  g_string_free (text, TRUE);
  if (g_strv_length (cells) != 7)
    g_clear_pointer (&cells, g_strfreev);

  return cells;
}

/* A row of the table of questions, or %NULL when @cells hold none. */
static LlmInterviewReportRow *
row_from_cells (GStrv cells)
{
  LlmInterviewReportRow *row;
  GString *title;
  guint seconds, n_covered, n_points;

  if (sscanf (g_strstrip (cells[4]), "%u/%u", &n_covered, &n_points) != 2 ||
      !parse_clock (g_strstrip (cells[3]), &seconds))
    return NULL;

  row = g_new0 (LlmInterviewReportRow, 1);
  title = g_string_new (g_strstrip (cells[2]));
  g_string_replace (title, "\x01", "|", 0);
  row->title = g_string_free (title, FALSE);
  row->seconds = seconds;
  row->n_covered = n_covered;
  row->n_points = n_points;
  row->grade = g_strdup (g_strstrip (cells[5]));
  row->answer = g_strdup ("");
  row->points = g_new0 (char *, 1);
  return row;
}

/* One question's section while it is read: which of its `### ` parts the
 * lines are in (the answer, then the key points), and what they held. */
typedef struct
{
  guint part;
  GString *answer;
  GPtrArray *points;
  GArray *covered;
} SectionReader;

static void
section_reader_clear (SectionReader *reader)
{
  if (reader->answer != NULL)
    g_string_free (g_steal_pointer (&reader->answer), TRUE);
  g_clear_pointer (&reader->points, g_ptr_array_unref);
  g_clear_pointer (&reader->covered, g_array_unref);
}

static void
section_reader_feed (SectionReader *reader,
                     const char    *line)
{
  if (g_str_has_prefix (line, "### "))
    {
      reader->part++;
      if (reader->part == 1)
        reader->answer = g_string_new (NULL);
      else if (reader->part == 2)
        {
          reader->points = g_ptr_array_new_with_free_func (g_free);
          reader->covered = g_array_new (FALSE, FALSE, sizeof (gboolean));
        }
    }
  else if (reader->part == 1)
    g_string_append_printf (reader->answer, "%s\n", line);
  else if (reader->part == 2 && (g_str_has_prefix (line, "- [x] ") || g_str_has_prefix (line, "- [ ] ")))
    {
      gboolean ticked = line[3] == 'x';

      g_ptr_array_add (reader->points, g_strdup (line + 6));
      g_array_append_val (reader->covered, ticked);
    }
}

/* Moves what the section held into its @row. */
static void
section_reader_finish (SectionReader         *reader,
                       LlmInterviewReportRow *row)
{
  if (reader->answer != NULL)
    {
      g_free (row->answer);
      row->answer = g_strdup (g_strstrip (reader->answer->str));
    }
  if (reader->points != NULL)
    {
      g_ptr_array_add (reader->points, NULL);
      g_strfreev (row->points);
      g_free (row->covered);
      row->points = (GStrv)g_ptr_array_steal (reader->points, NULL);
      row->covered = (gboolean *)g_array_steal (reader->covered, NULL);
    }
  section_reader_clear (reader);
}

/**
 * llm_interview_report_parse:
 * @report: a report as llm_interview_report_format() writes it
 * @note: (out) (optional) (transfer full): the sentence before the table
 *   ("Ended early: …"), or %NULL
 *
 * Reads a saved report back for showing: the table's numbers, then each
 * question's answer and key points. Only the report's shape is relied
 * on (its headings are in the language it was written in): a `## ` per
 * question, in the table's order, whose first `### ` holds the answer
 * and second the key points as a task list.
 *
 * Returns: (transfer container) (element-type LlmInterviewReportRow): the
 *   questions, in order; empty when @report has no table
 */
GPtrArray *
llm_interview_report_parse (const char  *report,
                            char       **note)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (llm_interview_report_row_free);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) before = g_string_new (NULL);
  SectionReader reader = { 0, };
  LlmInterviewReportRow *section = NULL;
  guint n_sections = 0;
  gboolean seen_table = FALSE;

  g_return_val_if_fail (report != NULL, NULL);

  lines = g_strsplit (report, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) cells = split_table_row (line);
      LlmInterviewReportRow *row;

      if (cells != NULL && !seen_table && (row = row_from_cells (cells)) != NULL)
        {
          g_ptr_array_add (rows, row);
          continue;
        }
      if (cells != NULL || g_str_has_prefix (line, "|---"))
        continue;
      if (rows->len > 0)
        seen_table = TRUE;

      if (rows->len == 0 && !g_str_has_prefix (line, "# ") && line[0] != '\0')
        {
          g_string_append_printf (before, "%s%s", before->len ? " " : "", line);
          continue;
        }

      if (g_str_has_prefix (line, "## "))
        {
          section = n_sections < rows->len ? g_ptr_array_index (rows, n_sections) : NULL;
          n_sections++;
          reader.part = 0;
          continue;
        }
      if (section == NULL)
        continue;
      section_reader_feed (&reader, line);

      /* A section ends at the next one or at the end of the report. */
      if (lines[i + 1] == NULL || g_str_has_prefix (lines[i + 1], "## "))
        {
          section_reader_finish (&reader, section);
          section = NULL;
        }
    }
  section_reader_clear (&reader);

  if (note != NULL)
    *note = before->len > 0 ? g_strdup (before->str) : NULL;

  return g_steal_pointer (&rows);
}
