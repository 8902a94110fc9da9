/* llm-outline.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-block-scanner.h"
#include "llm-collection-loader.h"
#include "llm-outline.h"
#include "llm-render.h"
#include "llm-text.h"

/* Turns one file's lines into topics, study cards and pages, keeping every
 * line. The file's headings make a tree; what each heading becomes is read
 * from the tree's shape, not from a fixed level:
 *
 *  - a heading asked as a question ("…?") is a card, and every sub-heading
 *    below is part of its answer, unless one of them is asked too;
 *  - a heading with questions below it (asked, or numbered "3." other than
 *    "3.1" parts of its own "3."), or with only headings below it, is a
 *    topic, and its own text is a page of that topic;
 *  - any other heading that is numbered or has text of its own is a card;
 *  - a card that holds nothing but links, or is headed "References", is a
 *    page: shown and searched, never asked.
 *
 * The text before the first heading is a page of the file's own topic; a
 * file without headings is one card, or, when it is a numbered list whose
 * items each own some text, one card per item. A file whose only top
 * heading is its title is that heading. Topics do not nest: a topic inside
 * a topic follows it in the list. */

typedef enum
{
  KIND_NONE,
  KIND_CARD,
  KIND_PAGE,
  KIND_TOPIC,
} Kind;

typedef struct _Section Section;

struct _Section
{
  int level;            /* 0 for the file itself */
  char *title;          /* plain text; NULL for the file */
  guint line;           /* 1-based line of the heading, 0 for the file */
  guint body_start;     /* index of the first line of its own text */
  guint body_end;       /* ... and the line after it */
  guint end;            /* the line after everything below it */
  GPtrArray *children;  /* of Section */
  Kind kind;
  gboolean asked;           /* "…?" */
  gboolean numbered;        /* "3. …" */
  gboolean has_text;
  gboolean below_asked;
  gboolean below_numbered;  /* other than "3.1" parts under "3." */
};

typedef struct
{
  LlmDraft *draft;
  char **lines;
  guint n_lines;
} Outline;

/* Headings that introduce a list of sources, not an answer. */
static const char * const reference_titles[] = {
  "reference", "references", "refs", "links", "resources", "further reading",
  "see also", "bibliography", "sources", "参考", "参考文献", "参考资料",
  "参考文档", "参考链接", "相关链接", "相关资料", "资料", "引用", "链接", NULL
};

static void
section_free (Section *section)
{
  g_free (section->title);
  g_clear_pointer (&section->children, g_ptr_array_unref);
  g_free (section);
}

static Section *
section_new (int   level,
             char *title,
             guint line,
             guint body_start)
{
  Section *section = g_new0 (Section, 1);

  section->level = level;
  section->title = title;
  section->line = line;
  section->body_start = body_start;
  section->body_end = G_MAXUINT;
  section->end = G_MAXUINT;
  section->children = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);

  return section;
}

static char *
heading_title (const char *text,
               gsize       len)
{
  g_autofree char *raw = g_strstrip (g_strndup (text, len));

  return llm_render_inline_plain (raw);
}

/* "1.2 Title", "3) Title", "Q4: Title": numbered like a question. */
static gboolean
is_numbered (const char *title)
{
  const char *p = title;
  gboolean dotted = FALSE;
  if (llm_text_skip_number_prefix (title, NULL) != title)
    return TRUE;

  if ((p[0] == 'Q' || p[0] == 'q') && (g_ascii_isdigit (p[1]) || p[1] == ':' || p[1] == '.'))
    {
      for (p++; g_ascii_isdigit (*p); p++)
        ;
      return *p == ':' || *p == '.' || g_str_has_prefix (p, "：");
    }

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (;;)
    {
      p += strspn (p, "0123456789");
      if (p[0] != '.' || !g_ascii_isdigit (p[1]))
        break;
      dotted = TRUE;
      p++;
    }
  return dotted && (*p == ' ' || *p == '.') && p - title < 12;
}

static gboolean
is_asked (const char *title)
{
  gsize len = strlen (title);

  while (len > 0 && (title[len - 1] == ' ' || title[len - 1] == '*'))
    len--;
  if (len > 0 && title[len - 1] == '?')
    return TRUE;
  return len >= 3 && memcmp (title + len - 3, "？", 3) == 0;
}

static gboolean
is_part_numbered (const char *title)
{
  const char *p = title + strspn (title, "0123456789");

  return p > title && p[0] == '.' && g_ascii_isdigit (p[1]);
}

/* "2.1 BPE" under "2. Tokenizers" numbers a part of question 2. */
static gboolean
is_part_number (const char *title,
                const char *parent)
{
  gsize digits = strspn (parent, "0123456789");

  return digits > 0 && strncmp (title, parent, digits) == 0 &&
         title[digits] == '.' && g_ascii_isdigit (title[digits + 1]);
}

static gboolean
is_reference_title (const char *title)
{
  g_autofree char *folded = NULL;
  char *cut;

  if (title == NULL)
    return FALSE;

  /* "Reference(参考文档)", "参考资料：": the words before any bracket. */
  folded = llm_text_casefold (llm_text_skip_number_prefix (title, NULL));
  if ((cut = strpbrk (folded, "(（:：[")) != NULL)
    *cut = '\0';
  if ((cut = strstr (folded, "（")) != NULL)
    *cut = '\0';
  if ((cut = strstr (folded, "：")) != NULL)
    *cut = '\0';
  g_strstrip (folded);

  for (guint i = 0; reference_titles[i]; i++)
    if (g_str_equal (folded, reference_titles[i]))
      return TRUE;

  return FALSE;
}

/* What is left of a line once its links, images and URLs are taken out. */
static gboolean
is_link_line (const char *line,
              gboolean   *has_link)
{
  const char *p = llm_markdown_skip_indent (line);
  gsize item = llm_markdown_ordered_item (p, NULL);

  if (item > 0)
    p += item;
  else if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
    p += 2;

  while (*p != '\0')
    {
      const char *close;

      if ((p[0] == '[' || (p[0] == '!' && p[1] == '[')) &&
          (close = strstr (p, "](")) != NULL && strchr (close, ')') != NULL)
        {
          p = strchr (close, ')') + 1;
          *has_link = TRUE;
        }
      else if (p[0] == '<' && (g_str_has_prefix (p + 1, "http") || g_str_has_prefix (p + 1, "www")) &&
               strchr (p, '>') != NULL)
        {
          p = strchr (p, '>') + 1;
          *has_link = TRUE;
        }
      else if (g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://"))
        {
          p += strcspn (p, " \t");
          *has_link = TRUE;
        }
      else if (g_ascii_isalnum (*p) || (guchar)*p >= 0x80)
        return FALSE;
      else
        p++;
    }

  return TRUE;
}

static gboolean
is_links_only (Outline *self,
               guint    start,
               guint    end)
{
  gboolean has_link = FALSE;

  for (guint i = start; i < end; i++)
    if (!llm_markdown_is_blank (self->lines[i]) && !is_link_line (self->lines[i], &has_link))
      return FALSE;

  return has_link;
}

/* Whether anything would show: a line of bare quote marks shows nothing. */
static gboolean
has_text (Outline *self,
          guint    start,
          guint    end)
{
  for (guint i = start; i < end; i++)
    if (self->lines[i][strspn (self->lines[i], " \t\r>")] != '\0')
      return TRUE;

  return FALSE;
}

/* Lines @start to @end as one answer, each losing up to @dedent columns
 * of indent (the body of a list item). */
static char *
join_lines (Outline *self,
            guint    start,
            guint    end,
            guint    dedent)
{
  GString *text = g_string_new (NULL);

  for (guint i = start; i < end; i++)
    {
      const char *line = self->lines[i];

      for (guint d = 0; d < dedent && *line == ' '; d++)
        line++;
      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static Section *
read_sections (Outline *self,
               guint    first)
{
  LlmBlockScanner scanner = { 0 };
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  Section *root = section_new (0, NULL, 0, first);

  g_ptr_array_add (stack, root);

  for (guint i = first; i < self->n_lines; i++)
    {
      int level = 0;
      LlmLineKind kind = llm_block_scanner_feed (&scanner, self->lines[i], &level);
      guint start = i;
      Section *parent;
      Section *section;
      char *title;

      if (kind == LLM_LINE_HEADING)
        {
          const char *text;
          gsize len;

          llm_markdown_atx_heading (self->lines[i], &text, &len);
          title = heading_title (text, len);
        }
      else if (kind == LLM_LINE_SETEXT)
        {
          g_autofree char *joined = NULL;

          start = llm_block_scanner_paragraph_start (&scanner) + first;
          joined = join_lines (self, start, i, 0);
          g_strdelimit (joined, "\n", ' ');
          title = heading_title (joined, strlen (joined));
        }
      else
        continue;

      /* Close every section at this level or deeper. */
      while (((Section *)g_ptr_array_index (stack, stack->len - 1))->level >= level)
        {
          Section *done = g_ptr_array_steal_index (stack, stack->len - 1);

          done->end = start;
          if (done->body_end == G_MAXUINT)
            done->body_end = start;
        }

      parent = g_ptr_array_index (stack, stack->len - 1);
      if (parent->body_end == G_MAXUINT)
        parent->body_end = start;

      section = section_new (level, title, start + 1, i + 1);
      g_ptr_array_add (parent->children, section);
      g_ptr_array_add (stack, section);
    }

  for (guint i = 0; i < stack->len; i++)
    {
      Section *open = g_ptr_array_index (stack, i);

      open->end = self->n_lines;
      if (open->body_end == G_MAXUINT)
        open->body_end = self->n_lines;
    }

  return root;
}

static void
classify (Outline *self,
          Section *section)
{
  section->has_text = has_text (self, section->body_start, section->body_end);
  section->asked = section->title != NULL && is_asked (section->title);
  section->numbered = section->title != NULL && is_numbered (section->title);

  for (guint i = 0; i < section->children->len; i++)
    {
      Section *child = g_ptr_array_index (section->children, i);

      classify (self, child);
      section->below_asked |= child->asked || child->below_asked;
      section->below_numbered |= child->below_numbered ||
        (child->numbered && !(section->numbered && is_part_number (child->title, section->title)));
    }

  if (section->level == 0)
    section->kind = section->children->len > 0 ? KIND_TOPIC : KIND_CARD;
  else if (section->children->len == 0)
    section->kind = section->has_text ? KIND_CARD : KIND_PAGE;
  else if (section->asked && !section->below_asked)
    section->kind = KIND_CARD;
  else if (section->below_asked || section->below_numbered)
    section->kind = KIND_TOPIC;
  else if (section->numbered || section->has_text)
    section->kind = KIND_CARD;
  else
    section->kind = KIND_TOPIC;

  /* A list of sources is for reading, not for being asked. */
  if (section->kind == KIND_CARD &&
      (is_reference_title (section->title) ||
       is_links_only (self, section->body_start, section->end)))
    section->kind = KIND_PAGE;
}

static LlmDraftTopic *
add_topic (Outline    *self,
           const char *title,
           guint       line,
           guint       depth)
{
  LlmDraftTopic *topic = g_new0 (LlmDraftTopic, 1);

  /* "## 2. Decoding" orders the topic; its name is "Decoding". */
  topic->title = title ? g_strdup (llm_text_skip_number_prefix (title, NULL)) : NULL;
  topic->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (line > 0)
    g_array_append_val (topic->lines, line);
  topic->depth = depth;
  topic->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)llm_draft_question_free);
  g_ptr_array_add (self->draft->topics, topic);

  return topic;
}

static void
add_entry (Outline       *self,
           LlmDraftTopic *topic,
           const char    *title,
           guint          line,
           gboolean       is_card,
           char          *text)
{
  LlmDraftQuestion *question = g_new0 (LlmDraftQuestion, 1);

  question->title = g_strdup (title);
  /* Ids are made here, in the parsing thread: NFKC and case folding of
   * thousands of titles would otherwise hold up the end of a load. */
  question->id = title ? llm_text_make_id (title) : NULL;
  /* "1.2 …" is numbered by its place instead: a column of "1"s says
   * nothing. */
  if (title != NULL && !is_part_numbered (title))
    llm_text_skip_number_prefix (title, &question->number);
  question->line = line;
  question->is_page = !is_card;
  question->answer = llm_draft_finish_answer (text);
  question->key_points = llm_collection_key_points (question->answer);

  /* A topic whose first entry comes after its sub-topics ("# File", its
   * sections, then questions of its own) follows them in the tree, as
   * its entries follow them in the file. */
  if (topic->questions->len == 0)
    {
      guint index;

      if (g_ptr_array_find (self->draft->topics, topic, &index) &&
          index + 1 < self->draft->topics->len)
        {
          g_ptr_array_steal_index (self->draft->topics, index);
          g_ptr_array_add (self->draft->topics, topic);
        }
    }
  g_ptr_array_add (topic->questions, question);
  if (is_card)
    self->draft->n_questions++;
  self->draft->n_entries++;
}

typedef struct
{
  guint line;    /* index of the item's line */
  guint number;
  gsize offset;  /* where its text starts */
} Item;

/* A numbered list whose items each own some text reads as questions and
 * answers: "1. What is X?" then its answer, "2. …". Only a list that
 * starts at 1, counts up by one, and has text under every item reads so;
 * anything else is one card. */
static GArray *
find_list_cards (Outline *self,
                 guint    start,
                 guint    end)
{
  LlmBlockScanner scanner = { 0 };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean owns_text = TRUE;

  for (guint i = start; i < end; i++)
    {
      LlmLineKind kind = llm_block_scanner_feed (&scanner, self->lines[i], NULL);
      Item item = { i, 0, 0 };

      if (kind == LLM_LINE_TEXT && self->lines[i][0] != ' ' &&
          (item.offset = llm_markdown_ordered_item (self->lines[i], &item.number)) > 0)
        {
          if (!owns_text || item.number != items->len + 1 ||
              strlen (self->lines[i] + item.offset) > 200 ||
              llm_markdown_is_blank (self->lines[i] + item.offset))
            return NULL;
          g_array_append_val (items, item);
          owns_text = FALSE;
        }
      else if (items->len > 0 && kind != LLM_LINE_BLANK)
        owns_text = TRUE;
    }

  if (items->len < 2 || !owns_text)
    return NULL;

  return g_steal_pointer (&items);
}

/* The text of a topic or file before its first sub-heading. */
static void
add_intro (Outline       *self,
           LlmDraftTopic *topic,
           const char    *title,
           guint          line,
           Section       *section)
{
  g_autoptr(GArray) items = NULL;
  guint start = section->body_start;
  guint end = section->body_end;

  if (!section->has_text)
    return;

  if (section->level == 0)
    items = find_list_cards (self, start, end);
  if (items == NULL)
    {
      add_entry (self, topic, title, line, FALSE, join_lines (self, start, end, 0));
      return;
    }

  if (has_text (self, start, g_array_index (items, Item, 0).line))
    add_entry (self, topic, title, line, FALSE,
               join_lines (self, start, g_array_index (items, Item, 0).line, 0));

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      guint next = i + 1 < items->len ? g_array_index (items, Item, i + 1).line : end;
      g_autofree char *item_title = heading_title (self->lines[item->line] + item->offset,
                                                   strlen (self->lines[item->line] + item->offset));
      g_autofree char *numbered = g_strdup_printf ("%u. %s", item->number, item_title);

      add_entry (self, topic, numbered, item->line + 1,
                 !is_links_only (self, item->line + 1, next),
                 join_lines (self, item->line + 1, next, (guint)item->offset));
    }
}

static void
emit (Outline       *self,
      Section       *section,
      LlmDraftTopic *topic,
      guint          depth)
{
  for (guint i = 0; i < section->children->len; i++)
    {
      Section *child = g_ptr_array_index (section->children, i);

      if (child->kind == KIND_TOPIC)
        {
          LlmDraftTopic *inner = add_topic (self, child->title, child->line, depth + 1);

          add_intro (self, inner, child->title, child->line, child);
          emit (self, child, inner, depth + 1);
        }
      else
        add_entry (self, topic, child->title, child->line, child->kind == KIND_CARD,
                   join_lines (self, child->body_start,
                               child->kind == KIND_CARD ? child->end : child->body_end, 0));
    }
}

/* A topic that holds only topics ("## Transformer" over "### Encoder" and
 * "### Decoder") would be an empty row: its title goes in front of theirs,
 * "Transformer / Encoder", and the first of them shows its heading. */
static void
fold_empty_topics (LlmDraft *draft)
{
  for (guint i = 0; i < draft->topics->len; i++)
    {
      LlmDraftTopic *empty = g_ptr_array_index (draft->topics, i);
      gboolean first = TRUE;

      if (empty->questions->len > 0)
        continue;

      for (guint j = i + 1; j < draft->topics->len; j++)
        {
          LlmDraftTopic *inner = g_ptr_array_index (draft->topics, j);

          if (inner->depth <= empty->depth)
            break;
          if (empty->title != NULL)
            {
              char *title = g_strdup_printf ("%s / %s", empty->title, inner->title);

              g_free (inner->title);
              inner->title = title;
            }
          if (first)
            g_array_prepend_vals (inner->lines, empty->lines->data, empty->lines->len);
          first = FALSE;
        }
    }

  for (guint i = draft->topics->len; i > 0; i--)
    if (((LlmDraftTopic *)g_ptr_array_index (draft->topics, i - 1))->questions->len == 0)
      g_ptr_array_remove_index (draft->topics, i - 1);
}

/**
 * llm_outline_build:
 * @draft: the draft to fill
 * @lines: the file's lines
 * @first: the first line after any front matter
 *
 * Fills @draft's topics from @lines. A topic whose title is %NULL is the
 * file's own, and an entry whose title is %NULL is the file's own text: the
 * caller names them after the file.
 */
void
llm_outline_build (LlmDraft  *draft,
                   char     **lines,
                   guint      first)
{
  Outline self = { draft, lines, g_strv_length (lines) };
  Section *root = read_sections (&self, first);
  Section *top = root;
  LlmDraftTopic *topic;

  classify (&self, root);

  /* "# Title" alone above everything is the file itself. */
  if (!root->has_text && root->children->len == 1)
    {
      top = g_ptr_array_index (root->children, 0);
      /* A file's title over sections heads a topic; a question over
       * parts is one card. */
      if (top->children->len > 0 && !top->asked)
        top->kind = KIND_TOPIC;
      /* Only a "#" title names the file; a lone "## Topic" is a topic. */
      if (top->kind == KIND_TOPIC && top->level == 1)
        draft->heading_title = g_strdup (top->title);
    }

  topic = add_topic (&self, top->kind == KIND_TOPIC && top->level > 1 ? top->title : NULL,
                     top->kind == KIND_TOPIC ? top->line : 0, 0);
  if (top->kind == KIND_TOPIC)
    {
      add_intro (&self, topic, top->level == 0 ? NULL : top->title, top->line, top);
      emit (&self, top, topic, 0);
    }
  else if (top->level == 0)
    add_intro (&self, topic, NULL, 0, top);
  else
    add_entry (&self, topic, top->title, top->line, top->kind == KIND_CARD,
               join_lines (&self, top->body_start,
                           top->kind == KIND_CARD ? top->end : top->body_end, 0));

  /* A file of plain text is one card, not a page. */
  if (root->children->len == 0 && topic->questions->len == 1)
    {
      LlmDraftQuestion *only = g_ptr_array_index (topic->questions, 0);

      if (only->is_page && only->title == NULL && !is_links_only (&self, first, self.n_lines))
        {
          only->is_page = FALSE;
          draft->n_questions++;
        }
    }

  fold_empty_topics (draft);

  section_free (root);
}
