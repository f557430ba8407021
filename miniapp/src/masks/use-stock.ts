import { useEffect, useState } from 'react';
import type { StockView } from '@sqtb/shared';
import { fetchMe } from '../accounts/api';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useSend } from '../core/use-send';
import { fetchOrg } from '../org/api';
import { addStock, fetchPharmacies, setSoldOut } from './api';

interface OwnStock {
  pharmacyId: string;
  name: string;
  /** Null when no round is open or the pharmacy has no stock in it. */
  stock: StockView | null;
  roundOpen: boolean;
}

/** The staff member's own pharmacy and its stock in the open round (the pharmacy list is the only read of stock). */
async function loadOwnStock(): Promise<OwnStock | null> {
  const [me, org] = await Promise.all([fetchMe(), fetchOrg()]);
  const own = org.pharmacies.find((p) => p.id === me.scope.pharmacyId);
  if (!own) return null;
  const near = await fetchPharmacies(own.location);
  const mine = near.items.find((p) => p.id === own.id);
  return { pharmacyId: own.id, name: own.name, stock: mine?.stock ?? null, roundOpen: near.roundId !== null };
}

/** 库存: the pharmacy marks itself sold out (or open again) and adds stock that arrived. */
export function useStock() {
  const own = useSignedInRequest(loadOwnStock);
  const { run, data, mutate } = own;
  useEffect(() => void run(), [run]);
  const [quantity, setQuantity] = useState('');
  const sending = useSend(async (change: { soldOut: boolean } | { add: number }) =>
    'soldOut' in change ? setSoldOut(data!.pharmacyId, change.soldOut) : addStock(data!.pharmacyId, change.add),
  );

  const apply = async (change: { soldOut: boolean } | { add: number }) => {
    if (!data) return;
    const stock = await sending.send(change);
    if (stock) mutate({ ...data, stock });
    return stock;
  };

  const add = async () => {
    const n = Number(quantity.trim());
    if (!/^\d+$/.test(quantity.trim()) || n < 1) {
      sending.setError('请输入到货数量（只）');
      return;
    }
    if (await apply({ add: n })) setQuantity('');
  };

  return { own, quantity, setQuantity, toggleSoldOut: (soldOut: boolean) => apply({ soldOut }), add, busy: sending.busy, error: sending.error };
}
