/* nb-mnemonic-names.c — the accessible names of buttons with mnemonics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-mnemonic-names"

#include "config.h"

#include "nb-mnemonic-names.h"

/* GTK 4.8 gives a widget whose label has a mnemonic ("_Save") that
 * text, underscore and all, as its accessible label. A button is also
 * labelled by the label it shows, and a screen reader was given both:
 * "_Save Save"; without the property its name is the shown label's. A
 * check button has no such relation: its accessible label becomes the
 * text without the mnemonic ("Only With Errors"). Later versions of GTK
 * set neither, so this changes nothing there. */

/* @label without its mnemonic marks: "_Save" is "Save", "a__b" "a_b" */
static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static void
fix_one (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)) &&
           gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    {
      g_autofree char *text = without_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/**
 * nb_mnemonic_names_fix:
 * @root: a widget
 *
 * Gives every button and check button in @root (itself included) whose
 * label has a mnemonic the accessible name a user sees. Call it once the
 * buttons have their labels, and before giving any of them an accessible
 * label of its own.
 */
void
nb_mnemonic_names_fix (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_one (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    nb_mnemonic_names_fix (child);
}
