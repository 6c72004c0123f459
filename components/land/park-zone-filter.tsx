"use client";

import { useState } from "react";
import { FilterField } from "@/components/ui/filter-field";
import { Select } from "@/components/ui/input";

type Park = { id: string; name: string; zones: { id: string; name: string }[] };

/**
 * 所属园区 and 所属组团 of the parcel list's filters. The zones follow the chosen park as soon as
 * it is chosen (a zone of another park is let go), and with no park chosen each zone is named
 * with its park, since parks share zone names ("核心区").
 */
export function ParkZoneFilter({ parks, park, zone, labels }: { parks: Park[]; park: string; zone: string; labels: { park: string; zone: string; all: string } }) {
  const [parkId, setParkId] = useState(park);
  const [zoneId, setZoneId] = useState(zone);
  const shown = parks.filter((p) => p.zones.length > 0 && (!parkId || p.id === parkId));
  return (
    <>
      <FilterField id="f-park" label={labels.park}>
        <Select
          id="f-park"
          name="park"
          value={parkId}
          onChange={(e) => {
            const next = e.target.value;
            setParkId(next);
            if (next && !parks.find((p) => p.id === next)?.zones.some((z) => z.id === zoneId)) setZoneId("");
          }}
        >
          <option value="">{labels.all}</option>
          {parks.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="f-zone" label={labels.zone}>
        <Select id="f-zone" name="zone" value={zoneId} onChange={(e) => setZoneId(e.target.value)} disabled={parkId !== "" && shown.length === 0}>
          <option value="">{labels.all}</option>
          {parkId
            ? shown[0]?.zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}
                </option>
              ))
            : shown.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {p.name} · {z.name}
                    </option>
                  ))}
                </optgroup>
              ))}
        </Select>
      </FilterField>
    </>
  );
}
