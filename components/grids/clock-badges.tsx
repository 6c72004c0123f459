import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { STATE_COLOUR, type ClockState, type Colour, type Step } from "@/lib/grids/clock";

const TONE: Record<Colour, "green" | "amber" | "red"> = { green: "green", yellow: "amber", red: "red" };

/** A red / yellow / green light, named in words so it never relies on colour alone. */
export async function ColourBadge({ colour }: { colour: Colour }) {
  const t = await getTranslations("grids");
  return (
    <Badge tone={TONE[colour]}>
      <span aria-hidden="true" className="mr-1">●</span>
      {t(`colours.${colour}`)}
    </Badge>
  );
}

/** One step's clock: "受理：按时", "答复：临期", "办结：已超期" … */
export async function ClockBadge({ step, state }: { step: Step; state: ClockState }) {
  const t = await getTranslations("grids");
  return <Badge tone={TONE[STATE_COLOUR[state]]}>{t("clock", { step: t(`steps.${step}`), state: t(`states.${state}`) })}</Badge>;
}
