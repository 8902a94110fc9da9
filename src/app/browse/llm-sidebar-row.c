/* llm-sidebar-row.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-question.h"
#include "llm-sidebar-row.h"
#include "llm-text.h"
#include "llm-topic.h"

/* One row of the topic tree, inside the list's tree expander: a topic
 * (its title and how much of it is known) or a question (number, title,
 * note preview, state, note and star marks). The list recycles rows: each
 * shows the item bound last and follows the sidebar model's marks for it
 * until it is unbound. */
struct _LlmSidebarRow
{
  GtkWidget parent_instance;

  GtkLabel *number;
  GtkWidget *text_box;
  GtkLabel *title;
  GtkLabel *preview;
  GtkLabel *pill;
  GtkWidget *note_mark;
  GtkLabel *readiness;
  GtkWidget *star;

  LlmSidebarModel *model;
  GObject *item;   /* an LlmTopic or an LlmQuestion, while bound */

  /* The tooltips of the row, its state pill and its readiness. */
  char *tooltip;
  char *pill_tooltip;
  char *readiness_tooltip;
};

G_DEFINE_FINAL_TYPE (LlmSidebarRow, llm_sidebar_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* gtk_widget_set_tooltip_text() asks the X server where the pointer is,
 * a round trip for every row bound while scrolling or opening a big
 * collection (~0.3 s for 9,000 questions). Rows keep their text and hand
 * it over only when a tooltip is actually wanted. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  LlmSidebarRow *self = LLM_SIDEBAR_ROW (gtk_widget_get_ancestor (widget, LLM_TYPE_SIDEBAR_ROW));
  const char *text = self->tooltip;

  if (widget == GTK_WIDGET (self->pill))
    text = self->pill_tooltip;
  else if (widget == GTK_WIDGET (self->readiness))
    text = self->readiness_tooltip;

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A topic's row says how much of it is known, "2/5 known", in the green
 * of a known question's mark. */
static void
update_readiness (LlmSidebarRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  guint known = 0, total = 0;

  if (LLM_IS_TOPIC (self->item))
    llm_sidebar_model_count_known (self->model, LLM_TOPIC (self->item), &known, &total);
  gtk_widget_set_visible (GTK_WIDGET (self->readiness), total > 0);
  if (total == 0)
    return;

  /* Translators: a topic's readiness in the tree, "2/5 known"; keep it short */
  text = g_strdup_printf (_("%u/%u known"), known, total);
  gtk_label_set_label (self->readiness, text);
  /* Translators: a topic's readiness in the tree, "3 of 5 questions known" */
  label = g_strdup_printf (_("%u of %u questions known"), known, total);
  g_free (self->readiness_tooltip);
  self->readiness_tooltip = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->readiness), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_marks (LlmSidebarRow *self)
{
  static const char * const state_classes[] = { "state-new", "state-learning", "state-due", "state-known" };
  static const char * const state_names[] = { N_("New"), N_("Learning"), N_("Due"), N_("Known") };
  LlmQuestion *question = LLM_IS_QUESTION (self->item) ? LLM_QUESTION (self->item) : NULL;
  const char *id = question ? llm_question_get_id (question) : NULL;
  const char *note = llm_sidebar_model_get_note (self->model, id);
  LlmStudyState state = question ? llm_sidebar_model_get_state (self->model, question) : LLM_STUDY_NEW;

  update_readiness (self);
  gtk_widget_set_visible (self->star, llm_sidebar_model_is_bookmarked (self->model, id));
  gtk_widget_set_visible (self->note_mark, note != NULL);
  gtk_label_set_label (self->preview, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview),
                          note != NULL && llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_NOTES);

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->pill), state_classes[i]);

  /* A new question has no mark: most are new, and a mark on each would
   * say nothing. The others say their state in words, known as a tick. */
  gtk_widget_set_visible (GTK_WIDGET (self->pill), state != LLM_STUDY_NEW);
  if (state == LLM_STUDY_NEW)
    return;

  gtk_widget_add_css_class (GTK_WIDGET (self->pill), state_classes[state]);
  /* Translators: the mark of a known question in the tree */
  gtk_label_set_label (self->pill, state == LLM_STUDY_KNOWN ? C_("state", "✓") : _(state_names[state]));
  g_free (self->pill_tooltip);
  self->pill_tooltip = g_strdup (_(state_names[state]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(state_names[state]), -1);
}

static void
on_marks_changed (LlmSidebarRow *self,
                  const char    *id)
{
  /* Topic rows sum up their questions: any change may move them. */
  if (self->item == NULL)
    return;
  if (id == NULL || LLM_IS_TOPIC (self->item) ||
      g_strcmp0 (id, llm_question_get_id (LLM_QUESTION (self->item))) == 0)
    update_marks (self);
}

static void
llm_sidebar_row_constructed (GObject *object)
{
  LlmSidebarRow *self = (LlmSidebarRow *)object;

  G_OBJECT_CLASS (llm_sidebar_row_parent_class)->constructed (object);

  g_signal_connect_object (self->model, "marks-changed",
                           G_CALLBACK (on_marks_changed), self, G_CONNECT_SWAPPED);
}

static void
llm_sidebar_row_dispose (GObject *object)
{
  LlmSidebarRow *self = (LlmSidebarRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (llm_sidebar_row_parent_class)->dispose (object);
}

static void
llm_sidebar_row_finalize (GObject *object)
{
  LlmSidebarRow *self = (LlmSidebarRow *)object;

  g_free (self->tooltip);
  g_free (self->pill_tooltip);
  g_free (self->readiness_tooltip);

  G_OBJECT_CLASS (llm_sidebar_row_parent_class)->finalize (object);
}

static void
llm_sidebar_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LlmSidebarRow *self = LLM_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_sidebar_row_class_init (LlmSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = llm_sidebar_row_constructed;
  object_class->dispose = llm_sidebar_row_dispose;
  object_class->finalize = llm_sidebar_row_finalize;
  object_class->set_property = llm_sidebar_row_set_property;

  /**
   * LlmSidebarRow:model:
   *
   * Where the row's marks come from.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, LLM_TYPE_SIDEBAR_MODEL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, number);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, title);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, preview);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, pill);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, note_mark);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, readiness);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebarRow, star);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip);

  /* As the box it replaces: a group of labels and marks. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "sidebarrow");
}

static void
llm_sidebar_row_init (LlmSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
llm_sidebar_row_new (LlmSidebarModel *model)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (model), NULL);

  return g_object_new (LLM_TYPE_SIDEBAR_ROW, "model", model, NULL);
}

/**
 * llm_sidebar_row_bind:
 * @item: an #LlmTopic or an #LlmQuestion
 *
 * Shows @item, and its marks until llm_sidebar_row_unbind().
 */
void
llm_sidebar_row_bind (LlmSidebarRow *self,
                      GObject       *item)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (LLM_IS_SIDEBAR_ROW (self));
  g_return_if_fail (LLM_IS_TOPIC (item) || LLM_IS_QUESTION (item));

  g_set_object (&self->item, item);
  g_clear_pointer (&self->tooltip, g_free);

  if (LLM_IS_TOPIC (item))
    {
      shown = llm_text_display_title (llm_topic_get_title (LLM_TOPIC (item)));
      gtk_widget_set_visible (GTK_WIDGET (self->number), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "topic-row");
      /* A topic's name is short and takes one line. A wrapping label is
       * measured several times over: a big collection's tree opens with
       * its ~200 topic rows made at once, and wrapping them cost ~70 ms.
       * Pango cuts at the line count even without wrapping, so the count
       * goes to one as well. */
      gtk_label_set_wrap (self->title, FALSE);
      gtk_label_set_lines (self->title, 1);
    }
  else
    {
      LlmQuestion *question = LLM_QUESTION (item);
      /* A page is read, not asked: no number, and (update_marks) no state. */
      g_autofree char *text = llm_question_is_card (question)
        ? g_strdup_printf ("%u", llm_question_get_number (question)) : g_strdup ("");

      shown = llm_question_dup_display_title (question);
      gtk_widget_set_visible (GTK_WIDGET (self->number), TRUE);
      gtk_label_set_label (self->number, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "topic-row");
      gtk_label_set_wrap (self->title, TRUE);
      gtk_label_set_lines (self->title, 2);
    }

  /* A long title is cut in the row; the tooltip shows all of it. */
  self->tooltip = g_strdup (shown);

  gtk_label_set_label (self->title, shown);
  update_marks (self);
}

/**
 * llm_sidebar_row_unbind:
 *
 * An unbound row neither keeps nor updates what it showed.
 */
void
llm_sidebar_row_unbind (LlmSidebarRow *self)
{
  g_return_if_fail (LLM_IS_SIDEBAR_ROW (self));

  g_clear_object (&self->item);
}

/**
 * llm_sidebar_row_get_item:
 *
 * Returns: (transfer none) (nullable): the topic or question shown
 */
GObject *
llm_sidebar_row_get_item (LlmSidebarRow *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}
